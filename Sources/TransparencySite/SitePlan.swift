import Foundation
import TransparencyAnalysis
import TransparencyLoader
import TransparencyRender

/// Every file a build writes for a dataset, held in memory (see `SiteBuilder` for the layout).
public struct SitePlan: Sendable {
    /// The title of the site's front page.
    public var siteTitle: String
    public var files: [OutputFile]
    /// The Markdown each HTML page was rendered from, by the page's path plus `.md`.
    public var pageMarkdown: [OutputFile] = []
    /// The problems of deferred request files (none for a dataset loaded whole).
    public var diagnostics: [Diagnostic] = []

    /// Renders every page of `dataset` with `templates`, companies in parallel on all cores. The
    /// files are the same whatever the number of cores. `times` collects the time per stage.
    public init(
        dataset: Dataset, templates: TemplateSet, siteTitle: String = "Privacy transparency reports",
        times: StageTimes = StageTimes(), keepMarkdown: Bool = false
    ) {
        let collected = Collected()
        var builder = SiteBuilder(dataset: dataset, templates: templates, siteTitle: siteTitle, times: times)
        if keepMarkdown {
            builder.pageMarkdown = { path, markdown in collected.add(markdown: [OutputFile(path: path + ".md", contents: markdown)]) }
        }
        let outcome = try? builder.build { files in collected.add(files: files) }
        self.siteTitle = siteTitle
        self.diagnostics = outcome?.diagnostics ?? []
        self.files = collected.files.sorted { $0.path < $1.path }
        self.pageMarkdown = collected.markdown.sorted { $0.path < $1.path }
    }

    /// The number of HTML pages in the plan.
    public var pageCount: Int { files.filter { $0.path.hasSuffix(".html") }.count }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var files: [OutputFile] = []
        private(set) var markdown: [OutputFile] = []
        func add(files more: [OutputFile]) { lock.withLock { files += more } }
        func add(markdown more: [OutputFile]) { lock.withLock { markdown += more } }
    }
}
