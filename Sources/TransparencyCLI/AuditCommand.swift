import ArgumentParser
import Foundation
import TransparencySite

/// `transparency audit`: checks that the figures agree with each other.
public struct AuditCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check that each company's figures agree with each other.",
        discussion: """
            Reports, as path:line:column: warning: message, parts that add up to more than their
            published total (or, all of them published, to less); countries' totals above the
            worldwide total; percentages that differ from their counts by more than one point;
            one figure given for overlapping periods; half-years missing between two published
            ones. Exits with 0, or with 1 under --strict when there is a warning; 65 when the
            dataset has errors. `validate` and `build` print the same warnings.

            Example:
              transparency audit --data Data --strict
            """)

    @OptionGroup public var dataset: DatasetOptions

    @Flag(name: .long, help: "Exit with 1 when there is a warning.")
    public var strict = false

    public init() {}

    public func run() throws {
        let loaded: Dataset
        do {
            (loaded, _, _) = try BuildPipeline.load(data: dataset.data, templates: dataset.templates)
        } catch {
            throw Console.exit(for: error)
        }
        let warnings = ConsistencyWarnings.diagnostics(of: loaded, data: dataset.data)
        Console.report(warnings)
        print("\(dataset.data): \(loaded.figureCount) figures of \(loaded.companies.count) companies: "
            + (warnings.isEmpty ? "no inconsistencies." : "\(warnings.count) warning\(warnings.count == 1 ? "" : "s")."))
        if strict, !warnings.isEmpty { throw ExitCode(1) }
    }
}
