import Foundation
import ArgumentParser
import TransparencySite

/// `transparency build`: writes the Markdown reports and the static site.
public struct BuildCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a Markdown report per company and the static HTML site.",
        discussion: """
            Writes OUTPUT/<company>.md and OUTPUT/site/ (index.html, <company>/index.html, style.css).
            The output folder is replaced in one step when the build is complete; a build that fails
            leaves the previous output as it was. A build after an earlier one makes again only the
            companies whose files changed, from the stamps kept in OUTPUT/.transparency-cache
            (--full builds every company).

            Example:
              transparency build --data Data --output Reports
              transparency build --data ~/my-dataset --templates ~/my-templates --output /tmp/site
            """)

    @OptionGroup public var dataset: DatasetOptions

    @Option(name: .long, help: "The output folder.")
    public var output: String = BuildRequest().output

    @Option(name: .customLong("page-markdown"), help: ArgumentHelp(
        "Also write the Markdown each HTML page was rendered from into this folder (to compare renderers).",
        valueName: "folder"))
    public var pageMarkdown: String?

    @Flag(name: .long, help: "Build every company, not only those whose files changed since the last build.")
    public var full = false

    @Flag(name: .long, help: "Print the seconds spent in each stage of the build, summed over threads.")
    public var timings = false

    public init() {}

    /// The request this command line makes.
    public var request: BuildRequest {
        var request = BuildRequest()
        request.data = dataset.data
        request.templates = dataset.templates
        request.output = output
        request.pageMarkdown = pageMarkdown
        request.full = full
        request.timings = timings
        return request
    }

    public func run() throws { try request.run() }
}
