import TransparencyAnalysis
import TransparencyLoader
import TransparencyRender

/// Every file a build writes for a dataset: one Markdown report per company, and the site.
///
/// ```
/// <company>.md
/// site/index.html
/// site/style.css
/// site/<company>/index.html
/// site/<company>/requests.svg
/// site/<company>/feed.xml
/// site/<company>/requests.csv, site/<company>/requests.json
/// site/<company>/documents/<document>/index.html
/// site/feed.xml
/// site/compare/<period>/index.html
/// site/data/requests.json
/// ```
public struct SitePlan: Sendable {
    /// The title of the site's front page.
    public var siteTitle: String
    public var files: [OutputFile]
    /// The Markdown each HTML page was rendered from, by the page's path (for benchmarks).
    public var pageMarkdown: [OutputFile] = []

    /// Renders every page of `dataset` with `templates`, companies in parallel on all cores. The
    /// files are the same whatever the number of cores. `times` collects the time per stage.
    public init(
        dataset: Dataset, templates: TemplateSet, siteTitle: String = "Privacy transparency reports",
        times: StageTimes = StageTimes(), keepMarkdown: Bool = false
    ) {
        let renderer = PageRenderer(templates: templates, times: times)
        let reports = parallelMap(dataset.companies) { company in
            times.measure("analysis") { CompanyReport(company: company, dataset: dataset) }
        }
        // Company pages and the comparisons, side by side.
        enum Job: Sendable { case company(CompanyReport), comparisons }
        let jobs: [Job] = reports.map { .company($0) } + [.comparisons]
        let results = parallelMap(jobs) { job -> (files: [OutputFile], comparisons: [PeriodComparison]) in
            switch job {
            case .company(let report):
                return (Self.companyFiles(report, dataset: dataset, renderer: renderer, siteTitle: siteTitle, keepMarkdown: keepMarkdown, times: times), [])
            case .comparisons: return ([], times.measure("analysis") { PeriodComparison.all(in: dataset) })
            }
        }
        var files = results.flatMap(\.files)
        let exports = dataset.companies.compactMap { company -> RequestExports.Entry? in
            let count = dataset.figures(of: company.id).count
            return count == 0 ? nil : RequestExports.Entry(company: company.id, name: company.name, figures: count)
        }
        files.append(OutputFile(path: "site/data/requests.json", bytes: RequestExports.index(exports)))
        let comparisons = results.flatMap(\.comparisons)
        files += parallelMap(comparisons) { comparison -> [OutputFile] in
            let page = renderer.comparison(comparison)
            let path = "site/compare/\(comparison.period.description)/index.html"
            return [OutputFile(path: path, contents: renderer.htmlDocument(page, depth: 2, siteTitle: siteTitle))]
                + (keepMarkdown ? [OutputFile(path: path + ".md", contents: page.markdown)] : [])
        }.flatMap { $0 }
        let index = renderer.index(reports, comparisons: comparisons, title: siteTitle)
        files.append(OutputFile(path: "site/index.html", contents: renderer.htmlDocument(index, depth: 0, siteTitle: siteTitle, feed: "feed.xml")))
        files.append(OutputFile(path: "site/feed.xml", contents: FeedBuilder.siteFeed(reports, dataset: dataset, siteTitle: siteTitle).xml))
        files.append(OutputFile(path: "site/" + TemplateSet.stylesheetName, contents: templates.stylesheet))
        if keepMarkdown { files.append(OutputFile(path: "site/index.html.md", contents: index.markdown)) }
        self.siteTitle = siteTitle
        self.pageMarkdown = files.filter { $0.path.hasSuffix(".html.md") }.sorted { $0.path < $1.path }
        self.files = files.filter { !$0.path.hasSuffix(".html.md") }.sorted { $0.path < $1.path }
    }

    /// The files of one company: its Markdown report, its page, chart, feed and history pages.
    static func companyFiles(
        _ report: CompanyReport, dataset: Dataset, renderer: PageRenderer, siteTitle: String, keepMarkdown: Bool, times: StageTimes
    ) -> [OutputFile] {
        var files: [OutputFile] = []
        let page = renderer.company(report)
        let id = report.company.id.rawValue
        files.append(OutputFile(path: "\(id).md", contents: page.markdown))
        if let chart = renderer.requestChart(report) {
            files.append(OutputFile(path: "site/\(id)/requests.svg", contents: chart.svg(standalone: true) + "\n"))
        }
        files.append(OutputFile(
            path: "site/\(id)/index.html",
            contents: renderer.htmlDocument(page, depth: 1, siteTitle: siteTitle, feed: "feed.xml")))
        if keepMarkdown { files.append(OutputFile(path: "site/\(id)/index.html.md", contents: page.markdown)) }
        let figures = dataset.figures(of: report.company.id)
        if !figures.isEmpty {
            times.measure("exports") {
                files.append(OutputFile(path: "site/\(id)/requests.csv", bytes: RequestExports.csv(figures)))
                files.append(OutputFile(
                    path: "site/\(id)/requests.json",
                    bytes: RequestExports.json(company: report.company, figures: figures, sources: dataset.sources)))
            }
        }
        files.append(OutputFile(
            path: "site/\(id)/feed.xml",
            contents: FeedBuilder.companyFeed(report, dataset: dataset, siteTitle: siteTitle).xml))
        for history in report.documentHistories {
            let document = renderer.documentHistory(history, of: report)
            files.append(OutputFile(
                path: "site/\(id)/documents/\(history.document.id)/index.html",
                contents: renderer.htmlDocument(document, depth: 3, siteTitle: siteTitle, feed: "../../feed.xml")))
            if keepMarkdown {
                files.append(OutputFile(path: "site/\(id)/documents/\(history.document.id)/index.html.md", contents: document.markdown))
            }
        }
        return files
    }

    /// The number of HTML pages in the plan.
    public var pageCount: Int { files.filter { $0.path.hasSuffix(".html") }.count }
}
