import ArgumentParser
import TransparencyAnalysis
import TransparencySite

/// `transparency claims`: the claims a company added and dropped between two dates.
public struct ClaimsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Show which claims a company added and dropped between two dates.",
        discussion: """
            A company's position on a date is the set of claims in the statements it made on its \
            most recent statement date up to then. Prints the claims added, dropped and kept.

            Example:
              transparency claims --company microsoft --from 2013-07-11 --to 2013-07-31
            """)

    @Option(name: .long, help: "The company.") public var company: String
    @Option(name: .long, help: "The earlier date (YYYY-MM-DD).") public var from: String
    @Option(name: .long, help: "The later date (YYYY-MM-DD).") public var to: String
    @Option(name: .long, help: "The dataset folder.") public var data: String = "Data"

    public init() {}

    public func validate() throws {
        guard DataDate(parsing: from) != nil, DataDate(parsing: to) != nil else {
            throw ValidationError("dates must be YYYY-MM-DD, YYYY-MM or YYYY")
        }
    }

    public func run() throws {
        let dataset: Dataset
        do {
            dataset = try BuildPipeline.load(data: data, templates: nil).0
        } catch {
            throw Console.exit(for: error)
        }
        guard dataset.company(CompanyID(company)) != nil else { throw ValidationError("no company '\(company)' in \(data)") }
        guard let start = DataDate(parsing: from), let end = DataDate(parsing: to) else { return }
        let change = ClaimChanges.between(CompanyID(company), from: start, to: end, in: dataset)
        print("\(company): statements of \(change.fromStatementDate?.description ?? "none") compared with \(change.toStatementDate?.description ?? "none")")
        for claim in change.added { print("+ \(claim.id): \(claim.label)") }
        for claim in change.dropped { print("- \(claim.id): \(claim.label)") }
        for claim in change.kept { print("  \(claim.id): \(claim.label)") }
    }
}
