import ArgumentParser
import TransparencySite

/// `transparency validate`: checks the dataset and templates without writing anything.
public struct ValidateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the dataset and the templates; write nothing.",
        discussion: """
            Prints every problem as path:line:column: error: message and exits with 65 when there is one.
            Figures that don't agree with each other are warnings (see `transparency audit`).

            Example:
              transparency validate --data Data
            """)

    @OptionGroup public var dataset: DatasetOptions

    public init() {}

    public func run() throws {
        do {
            let (loaded, _, warnings) = try BuildPipeline.load(data: dataset.data, templates: dataset.templates)
            Console.report((warnings + ConsistencyWarnings.diagnostics(of: loaded, data: dataset.data)).sorted())
            print("\(dataset.data): \(loaded.companies.count) companies, \(loaded.statements.count) statements, "
                + "\(loaded.evidence.count) evidence items, \(loaded.figureCount) figures: no errors.")
        } catch {
            throw Console.exit(for: error)
        }
    }
}
