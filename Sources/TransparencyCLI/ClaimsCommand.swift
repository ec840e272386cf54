import ArgumentParser
import TransparencyAnalysis
import TransparencySite

/// `transparency claims`: when a company first and last made each of its claims.
public struct ClaimsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Show when a company first and last made each of its claims.",
        discussion: """
            Lists every claim the company made in its statements from --from to --to (all of \
            them without the options), with the dates it was first and last made and in how \
            many statements. A claim that later statements don't repeat is "not repeated", \
            never "dropped": only a statement that withdraws it, recorded in the data, ends it.

            Example:
              transparency claims --company microsoft --from 2013-06-01 --to 2013-12-31
            """)

    @Option(name: .long, help: "The company.") public var company: String
    @Option(name: .long, help: "The first date of statements read (YYYY-MM-DD).") public var from: String?
    @Option(name: .long, help: "The last date of statements read (YYYY-MM-DD).") public var to: String?
    @Option(name: .long, help: "The dataset folder.") public var data: String = "Data"

    public init() {}

    public func validate() throws {
        for date in [from, to].compactMap({ $0 }) where DataDate(parsing: date) == nil {
            throw ValidationError("dates must be YYYY-MM-DD, YYYY-MM or YYYY, not '\(date)'")
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
        let start = from.flatMap(DataDate.init(parsing:)), end = to.flatMap(DataDate.init(parsing:))
        let records = ClaimRecord.records(of: CompanyID(company), in: dataset, from: start, to: end)
        let span = "from \(from ?? "the first statement") to \(to ?? "the last")"
        print("\(company): \(records.count) claim\(records.count == 1 ? "" : "s") in its statements \(span)")
        for record in records {
            let count = "\(record.statementCount) statement\(record.statementCount == 1 ? "" : "s")"
            print("- \(record.claim.id): \(record.claim.label)")
            print("  first \(record.first), last \(record.last), in \(count); \(record.status)")
        }
    }
}
