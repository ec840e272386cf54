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
/// site/<company>/documents/<document>/index.html
/// site/feed.xml
/// site/compare/<period>/index.html
/// site/data/requests.csv, site/data/requests.json
/// ```
public struct SitePlan: Sendable {
    /// The title of the site's front page.
    public var siteTitle: String
    public var files: [OutputFile]

    /// Renders every page of `dataset` with `templates`.
    public init(dataset: Dataset, templates: TemplateSet, siteTitle: String = "Privacy transparency reports") {
        let renderer = PageRenderer(templates: templates)
        let reports = dataset.companies.map { CompanyReport(company: $0, dataset: dataset) }
        var files: [OutputFile] = []
        for report in reports {
            let page = renderer.company(report)
            let id = report.company.id.rawValue
            files.append(OutputFile(path: "\(id).md", contents: page.markdown))
            if let chart = renderer.requestChart(report) {
                files.append(OutputFile(path: "site/\(id)/requests.svg", contents: chart.svg(standalone: true) + "\n"))
            }
            files.append(OutputFile(
                path: "site/\(id)/index.html",
                contents: renderer.htmlDocument(page, depth: 1, siteTitle: siteTitle, feed: "feed.xml")))
            files.append(OutputFile(
                path: "site/\(id)/feed.xml",
                contents: FeedBuilder.companyFeed(report, dataset: dataset, siteTitle: siteTitle).xml))
            for history in report.documentHistories {
                let document = renderer.documentHistory(history, of: report)
                files.append(OutputFile(
                    path: "site/\(id)/documents/\(history.document.id)/index.html",
                    contents: renderer.htmlDocument(document, depth: 3, siteTitle: siteTitle, feed: "../../feed.xml")))
            }
        }
        let comparisons = PeriodComparison.all(in: dataset)
        for comparison in comparisons {
            let page = renderer.comparison(comparison)
            files.append(OutputFile(
                path: "site/compare/\(comparison.period.description)/index.html",
                contents: renderer.htmlDocument(page, depth: 2, siteTitle: siteTitle)))
        }
        files.append(OutputFile(path: "site/data/requests.csv", contents: RequestExports.csv(dataset)))
        files.append(OutputFile(path: "site/data/requests.json", contents: RequestExports.json(dataset)))
        let index = renderer.index(reports, comparisons: comparisons, title: siteTitle)
        files.append(OutputFile(path: "site/index.html", contents: renderer.htmlDocument(index, depth: 0, siteTitle: siteTitle, feed: "feed.xml")))
        files.append(OutputFile(path: "site/feed.xml", contents: FeedBuilder.siteFeed(reports, dataset: dataset, siteTitle: siteTitle).xml))
        files.append(OutputFile(path: "site/" + TemplateSet.stylesheetName, contents: templates.stylesheet))
        self.siteTitle = siteTitle
        self.files = files.sorted { $0.path < $1.path }
    }

    /// The number of HTML pages in the plan.
    public var pageCount: Int { files.filter { $0.path.hasSuffix(".html") }.count }
}
