import Foundation
import TransparencyAnalysis
import TransparencyLoader
import TransparencyRender

/// Builds every file of a dataset, company by company on all cores, handing each company's files
/// to a writer as soon as they are made: a company's request figures are read, analysed,
/// rendered and let go before the next batch, so memory does not grow with the dataset. What the
/// shared pages need from a company is kept as a `CompanySummary`.
///
/// ```
/// <company>.md
/// site/index.html, site/style.css, site/feed.xml
/// site/<company>/index.html, requests.svg, feed.xml, requests.csv, requests.json
/// site/<company>/documents/<document>/index.html
/// site/compare/<period>/index.html
/// site/data/requests.json
/// ```
public struct SiteBuilder: Sendable {
    public let dataset: Dataset
    public let renderer: PageRenderer
    public let siteTitle: String
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

    /// What one company gives the shared pages.
    public struct CompanyResult: Sendable {
        public var summary: CompanySummary
        /// Its latest feed entries, links relative to `site/`.
        public var feedEntries: [AtomFeed.Entry]
        /// The problems of its request file; with an error, it has no files.
        public var diagnostics: [Diagnostic]
        /// The paths of its files: those it wrote and those in `kept`.
        public var paths: [String]
        /// Its files that were not made again, being what the earlier build made (see
        /// `buildCompanies`): the caller takes them from the earlier output.
        public var kept: [String] = []
    }

    /// What a whole build gives besides its files.
    public struct Outcome: Sendable {
        /// Each company's result, in company order.
        public var companies: [CompanyResult]
        /// The latest feed entries of all companies (at most `feedCandidates`), latest first,
        /// each with its company.
        public var feedEntries: [(company: CompanyID, entry: AtomFeed.Entry)]
        /// The problems of deferred request files: with an error, the shared files were not made
        /// and the build must not be published.
        public var diagnostics: [Diagnostic] { companies.flatMap(\.diagnostics) }
    }

    /// Builds every company's files and then the shared ones, handing them all to `write`.
    public func build(
        feedCandidates: Int = AtomFeed.entryLimit, write: @escaping @Sendable ([OutputFile]) throws(PublishError) -> Void
    ) throws(PublishError) -> Outcome {
        var outcome = Outcome(companies: [], feedEntries: [])
        try buildCompanies(dataset.companies, write: write) { results in
            outcome.feedEntries = Self.latest(
                outcome.feedEntries + results.flatMap { result in result.feedEntries.map { (result.summary.company, $0) } },
                limit: feedCandidates)
            // Only the latest entries of all companies are kept (they hold whole document versions).
            outcome.companies += results.map { result in
                var result = result
                result.feedEntries = []
                return result
            }
        }
        guard !outcome.diagnostics.contains(where: { $0.severity == .error }) else { return outcome }
        try write(sharedFiles(outcome.companies.map(\.summary), feedEntries: outcome.feedEntries.map(\.entry)).files)
        return outcome
    }

    /// The latest `limit` entries, latest first, each with its company.
    static func latest(
        _ entries: [(company: CompanyID, entry: AtomFeed.Entry)], limit: Int
    ) -> [(company: CompanyID, entry: AtomFeed.Entry)] {
        Array(entries.sorted { AtomFeed.isLater($0.entry, than: $1.entry) }.prefix(limit))
    }

    /// Companies built at once before their results are gathered: enough to keep every core busy,
    /// and few batches, since the cores wait for each batch's last company (a result is small:
    /// the files are written as they are made).
    static let batchSize = 128

    /// The pages shared by every company, from their summaries (in company order) and the
    /// site feed's entries.
    /// The comparison pages of the periods in `unchanged` are not made: the earlier build's stand.
    public func sharedFiles(
        _ summaries: [CompanySummary], feedEntries: [AtomFeed.Entry], unchanged: Set<Period> = []
    ) -> (files: [OutputFile], kept: [String]) {
        let companies = Dictionary(dataset.companies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Only the comparisons of periods that changed are worked out.
        let periods = CompanySummary.comparisonPeriods(summaries)
        let comparisons = renderer.times.measure("analysis") {
            CompanySummary.comparisons(
                summaries, of: periods.filter { !unchanged.contains($0) }, companies: companies, sources: dataset.sources)
        }
        @Sendable func path(_ period: Period) -> String { "site/compare/\(period.description)/index.html" }
        let kept = periods.filter { unchanged.contains($0) }.map(path)
        let entries = summaries.compactMap { summary in companies[summary.company].map { (company: $0, summary: summary) } }
        // On all cores: the front page first (the longest piece when few comparisons changed),
        // the feed, the stylesheet with the list of exports, and the comparisons.
        let files = parallelMap(Array(0..<comparisons.count + 3)) { piece -> [OutputFile] in
            switch piece {
            case 0:
                let index = renderer.index(entries, comparisons: periods, title: siteTitle)
                return [page(index, path: "site/index.html", depth: 0, feed: "feed.xml")]
            case 1:
                return [OutputFile(path: "site/feed.xml", contents: FeedBuilder.siteFeed(feedEntries, siteTitle: siteTitle).xml)]
            case 2:
                let exports = entries.filter { $0.summary.figureCount > 0 }.map {
                    RequestExports.Entry(company: $0.company.id, name: $0.company.name, figures: $0.summary.figureCount)
                }
                return [
                    OutputFile(path: "site/" + TemplateSet.stylesheetName, contents: renderer.templates.stylesheet),
                    OutputFile(path: "site/data/requests.json", bytes: RequestExports.index(exports)),
                ]
            default:
                let comparison = comparisons[piece - 3]
                return [page(renderer.comparison(comparison), path: path(comparison.period), depth: 2)]
            }
        }
        return (files.flatMap { $0 }, kept)
    }

    /// An HTML page in the layout; its Markdown goes to `pageMarkdown`.
    func page(_ page: RenderedPage, path: String, depth: Int, feed: String? = nil) -> OutputFile {
        pageMarkdown?(path, page.markdown)
        return OutputFile(path: path, contents: renderer.htmlDocument(page, depth: depth, siteTitle: siteTitle, feed: feed))
    }
}
