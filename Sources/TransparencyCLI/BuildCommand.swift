import Foundation
import ArgumentParser
import TransparencySite

/// `transparency build`: writes the Markdown reports and the static site.
public struct BuildCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a Markdown report per company and the static HTML site.",
        discussion: """
            Writes OUTPUT/<company>.md and OUTPUT/site/ (index.html, <company>/index.html, style.css). \
            The output folder is replaced in one step when the build is complete; a build that fails \
            leaves the previous output as it was. A build after an earlier one makes again only the \
            files whose inputs changed, from the stamps kept in OUTPUT/.transparency-cache \
            (--full makes every file).

            Example:
              transparency build --data Data --output Reports
              transparency build --data ~/dataset --templates ~/templates --output /tmp/site
            """)

    @OptionGroup public var dataset: DatasetOptions

    @Option(name: .long, help: "The output folder.")
    public var output: String = "Reports"

    @Option(name: .customLong("page-markdown"), help: ArgumentHelp(
        "Also write the Markdown each HTML page was rendered from into this folder (to compare renderers).",
        valueName: "folder"))
    public var pageMarkdown: String?

    @Flag(name: .long, help: "Build every company, not only those whose files changed since the last build.")
    public var full = false

    @Flag(name: .long, help: "Print the seconds spent in each stage of the build, summed over threads.")
    public var timings = false

    public init() {}

    /// Builds, prints what was written (and the warnings, on standard error); on failure prints
    /// the problems and throws the exit code.
    public func run() throws {
        do {
            let summary = try BuildPipeline.build(
                data: dataset.data, templates: dataset.templates, output: output, pageMarkdown: pageMarkdown, incremental: !full)
            Self.report(summary, output: output, timings: timings)
        } catch {
            throw Console.exit(for: error)
        }
    }

    private static func report(_ summary: BuildPipeline.Summary, output: String, timings: Bool) {
        Console.report(summary.warnings)
        print(summary.line(output: output))
        if timings {
            print("Stages (seconds, summed over threads): "
                  + StageTimes.stages.map { "\($0) " + String(format: "%.2f", summary.stages[$0] ?? 0) }.joined(separator: ", "))
        }
    }
}
