import Foundation
import TransparencyAnalysis
import TransparencyLoader
import TransparencyRender

/// What every page of a build shares: the dataset, the renderer and the site's title. The
/// files a build writes, and what each depends on, are listed in `SitePlan`:
///
/// ```
/// <company>.md
/// site/index.html, site/style.css, site/feed.xml
/// site/<company>/index.html, requests.svg (and requests-2.svg, … for more series), feed.xml, requests.csv, requests.json
/// site/<company>/documents/<document>/index.html
/// site/compare/<period>/index.html
/// site/data/requests.json
/// ```
public struct SiteBuilder: Sendable {
    public let dataset: Dataset
    public let renderer: PageRenderer
    public let siteTitle: String
    /// The dataset's folder, for warnings that point into its files.
    public var dataFolder: String?
    /// Receives the Markdown each HTML page was rendered from, by the page's path (for benchmarks).
    public var pageMarkdown: (@Sendable (String, String) -> Void)?

    public init(dataset: Dataset, templates: TemplateSet, siteTitle: String = "Privacy transparency reports", times: StageTimes = StageTimes()) {
        self.dataset = dataset
        self.renderer = PageRenderer(templates: templates, times: times)
        self.siteTitle = siteTitle
    }

    /// Where a company's files are: its report, and its folder, which holds all the others.
    public static func ownPaths(of company: CompanyID) -> (report: String, folder: String) {
        ("\(company.rawValue).md", "site/\(company.rawValue)")
    }

    /// An HTML page in the layout; its Markdown goes to `pageMarkdown`.
    public func page(_ page: RenderedPage, path: String, depth: Int, feed: String? = nil) -> OutputFile {
        pageMarkdown?(path, page.markdown)
        return OutputFile(path: path, contents: renderer.htmlDocument(page, depth: depth, siteTitle: siteTitle, feed: feed))
    }
}
