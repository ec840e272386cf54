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
        /// The paths of the files it wrote.
        public var paths: [String]
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

    /// Builds the files of `companies`, giving them to `write` (from several threads at once).
    public func buildCompanies(
        _ companies: [Company], write: @escaping @Sendable ([OutputFile]) throws(PublishError) -> Void,
        gather: ([CompanyResult]) -> Void
    ) throws(PublishError) {
        var start = 0
        while start < companies.count {
            let batch = Array(companies[start..<min(start + Self.batchSize, companies.count)])
            let results = parallelMap(batch) { company -> Result<CompanyResult, PublishError> in
                // Fewer companies than cores (an incremental build): each company's files are
                // shared out between the cores.
                do throws(PublishError) {
                    return .success(try buildCompany(company, splitting: batch.count < ProcessInfo.processInfo.activeProcessorCount, write: write))
                } catch {
                    return .failure(error)
                }
            }
            var gathered: [CompanyResult] = []
            for result in results {
                switch result {
                case .success(let value): gathered.append(value)
                case .failure(let error): throw error
                }
            }
            gather(gathered)
            start += Self.batchSize
        }
    }

    /// Makes one company's files, handing each to `write` as soon as it is made, and returns
    /// what the company gives the shared pages. With `splitting`, its exports are made and
    /// written on one core while it is analysed on another, and then its pages are made on all
    /// cores (beside the exports, while they are still being written).
    func buildCompany(
        _ company: Company, splitting: Bool = false, write: @escaping @Sendable ([OutputFile]) throws(PublishError) -> Void
    ) throws(PublishError) -> CompanyResult {
        let times = renderer.times
        let (figures, diagnostics) = times.measure("load") { dataset.loadFigures(of: company.id) }
        if diagnostics.contains(where: { $0.severity == .error }) {
            let summary = CompanySummary(
                company: company.id, statementCount: 0, firstStatement: nil, lastStatement: nil, evidenceCount: 0,
                contradictingCount: 0, latestPeriod: nil, figureCount: 0, comparisonRows: [:])
            return CompanyResult(summary: summary, feedEntries: [], diagnostics: diagnostics, paths: [])
        }
        let folder = Self.ownPaths(of: company.id).folder
        let exports = { @Sendable [dataset] () -> Result<[String], PublishError> in
            guard !figures.isEmpty else { return .success([]) }
            let (csv, json) = times.measure("exports") { RequestExports.raw(company: company, figures: figures, sources: dataset.sources) }
            return Self.written([OutputFile(path: "\(folder)/requests.csv", raw: csv), OutputFile(path: "\(folder)/requests.json", raw: json)], by: write)
        }
        let rest = { @Sendable [dataset] () -> (summary: CompanySummary, latest: [AtomFeed.Entry], pages: Result<Pages, PublishError>) in
            let (report, summary) = times.measure("analysis") { () -> (CompanyReport, CompanySummary) in
                let report = CompanyReport(company: company, dataset: dataset, figures: figures)
                return (report, CompanySummary(report: report, figures: figures))
            }
            // The company's latest feed entries, made once for its feed and the site's.
            let latest = AtomFeed.latest(FeedBuilder.entries(report, dataset: dataset))
            return (summary, latest, pages(report, feedEntries: latest, splitting: splitting, write: write))
        }
        let (exportsWritten, made) = splitting ? parallelPair(exports, rest) : (exports(), rest())
        let own: Pages = try made.pages.get(), exportPaths: [String] = try exportsWritten.get()
        // In the order of the earlier builds' caches: report, chart, page, exports, feed, histories.
        var paths = own.report + own.chart + own.page
        paths += exportPaths + own.feed + own.histories
        let entries = FeedBuilder.siteEntries(made.latest, of: company.id)
        return CompanyResult(summary: made.summary, feedEntries: entries, diagnostics: diagnostics, paths: paths)
    }

    /// The paths of a company's pages and other files but its exports.
    struct Pages {
        var report: [String] = [], page: [String] = [], chart: [String] = [], feed: [String] = [], histories: [String] = []
    }

    /// Makes and writes a company's report, page, chart, feed and document history pages (on all
    /// cores with `splitting`).
    func pages(
        _ report: CompanyReport, feedEntries: [AtomFeed.Entry], splitting: Bool,
        write: @escaping @Sendable ([OutputFile]) throws(PublishError) -> Void
    ) -> Result<Pages, PublishError> {
        let (reportPath, folder) = Self.ownPaths(of: report.company.id)
        let histories = report.documentHistories
        // Piece 0: the report and the page (the longest, first); 1: the chart and the feed; n: the
        // history of document n - 1.
        let make = { @Sendable (piece: Int) -> Result<[String], PublishError> in
            switch piece {
            case 0:
                let companyPage = renderer.company(report)
                return Self.written([
                    OutputFile(path: reportPath, contents: renderer.times.measure("templates") { companyPage.markdown }),
                    page(companyPage, path: "\(folder)/index.html", depth: 1, feed: "feed.xml"),
                ], by: write)
            case 1:
                let chart = renderer.requestChart(report).map {
                    OutputFile(path: "\(folder)/requests.svg", contents: $0.svg(standalone: true) + "\n")
                }
                let feed = OutputFile(
                    path: "\(folder)/feed.xml", contents: FeedBuilder.companyFeed(report, entries: feedEntries, siteTitle: siteTitle).xml)
                return Self.written((chart.map { [$0] } ?? []) + [feed], by: write)
            default:
                let history = histories[piece - 2]
                return Self.written([
                    page(renderer.documentHistory(history, of: report), path: "\(folder)/documents/\(history.document.id)/index.html",
                         depth: 3, feed: "../../feed.xml"),
                ], by: write)
            }
        }
        let pieces = Array(0..<histories.count + 2)
        var paths = Pages()
        for (piece, result) in zip(pieces, splitting ? parallelMap(pieces, make) : pieces.map(make)) {
            switch result {
            case .failure(let error): return .failure(error)
            case .success(let written) where piece == 0:
                paths.report = Array(written.prefix(1))
                paths.page = Array(written.dropFirst())
            case .success(let written) where piece == 1:
                paths.chart = Array(written.dropLast())
                paths.feed = Array(written.suffix(1))
            case .success(let written):
                paths.histories += written
            }
        }
        return .success(paths)
    }

    /// The paths of `files` once `write` has taken them.
    private static func written(
        _ files: [OutputFile], by write: @Sendable ([OutputFile]) throws(PublishError) -> Void
    ) -> Result<[String], PublishError> {
        do throws(PublishError) {
            try write(files)
            return .success(files.map(\.path))
        } catch {
            return .failure(error)
        }
    }

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
        var files = parallelMap(comparisons) { comparison in
            page(renderer.comparison(comparison), path: path(comparison.period), depth: 2)
        }
        let entries = summaries.compactMap { summary in companies[summary.company].map { (company: $0, summary: summary) } }
        let index = renderer.index(entries, comparisons: periods, title: siteTitle)
        files.append(page(index, path: "site/index.html", depth: 0, feed: "feed.xml"))
        files.append(OutputFile(path: "site/feed.xml", contents: FeedBuilder.siteFeed(feedEntries, siteTitle: siteTitle).xml))
        files.append(OutputFile(path: "site/" + TemplateSet.stylesheetName, contents: renderer.templates.stylesheet))
        let exports = entries.filter { $0.summary.figureCount > 0 }.map {
            RequestExports.Entry(company: $0.company.id, name: $0.company.name, figures: $0.summary.figureCount)
        }
        files.append(OutputFile(path: "site/data/requests.json", bytes: RequestExports.index(exports)))
        return (files, kept)
    }

    /// An HTML page in the layout; its Markdown goes to `pageMarkdown`.
    private func page(_ page: RenderedPage, path: String, depth: Int, feed: String? = nil) -> OutputFile {
        pageMarkdown?(path, page.markdown)
        return OutputFile(path: path, contents: renderer.htmlDocument(page, depth: depth, siteTitle: siteTitle, feed: feed))
    }
}
