import ArgumentParser
import TransparencyImport
import TransparencySite

/// `transparency import`: a publisher's CSV files into the dataset's normalized requests file.
public struct ImportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import request figures from a company's own CSV downloads.",
        discussion: """
            Reads each FILE, recognizes its format by its header (built in: \(RequestsImport.builtInFormatNames.joined(separator: ", "))) \
            or reads it with a mapping file, and merges the figures into DATA/requests/<company>.csv. \
            Figures with the same period, jurisdiction, legal process and measure are replaced; \
            others are kept, so importing a file twice changes nothing. Every figure cites --source, \
            which must be in DATA/sources.yaml. Every problem is reported as path:line:column: error: \
            and nothing is written when there is one (exit 65).

            Examples:
              transparency import --company google \\
                --source google-transparency-report-user-data \\
                google-global-user-data-requests.csv
              transparency import --company example --source example-report \\
                --mapping example.yaml example.csv
              transparency import --dry-run --company meta --source meta-report \\
                PRPL-Facebook-Government-Report-2023_H1.csv
            """)

    @Argument(help: "The CSV files to import.")
    public var files: [String]

    @Option(name: .long, help: "The company the figures are about (a company id of the dataset).")
    public var company: String

    @Option(name: .long, help: "The source every imported figure cites (an id in sources.yaml).")
    public var source: String

    @Option(name: .long, help: "A YAML mapping file describing the files' columns, for formats that aren't built in.")
    public var mapping: String?

    @Option(name: .long, help: "The dataset folder.")
    public var data: String = "Data"

    @Flag(name: .long, help: "Print what the import would change, by period, and write nothing.")
    public var dryRun = false

    public init() {}

    public func run() throws {
        do {
            let summary = try RequestsImport.run(files: files, mapping: mapping, company: company, source: source, data: data, dryRun: dryRun)
            Console.report(summary.warnings)
            print(summary.line)
            if dryRun { summary.periodLines.forEach { print($0) } }
        } catch {
            throw Console.exit(for: .invalidInput(error))
        }
    }
}
