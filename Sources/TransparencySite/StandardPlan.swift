import Foundation
import TransparencyAnalysis
import TransparencyLoader
import TransparencyRender

extension SitePlan {
    /// The site this tool builds: a report, a page, a chart, exports, a feed and document
    /// histories per company; the front page, the stylesheet, the list of exports, the
    /// comparisons and the site feed.
    public static let standard = SitePlan(
        companyKinds: [
            CompanyFileKind(name: "report", inputs: [.shared, .profile, .files, .figures]) { work in
                let page = work.builder.renderer.company(work.report)
                let markdown = work.times.measure("templates") { page.markdown }
                return [
                    OutputFile(path: SiteBuilder.ownPaths(of: work.company.id).report, contents: markdown),
                    work.builder.page(page, path: "\(work.folder)/index.html", depth: 1, feed: "feed.xml"),
                ]
            },
            CompanyFileKind(name: "chart", inputs: [.shared, .profile, .files, .figures]) { work in
                work.builder.renderer.requestCharts(work.report).map { chart in
                    OutputFile(path: "\(work.folder)/\(chart.fileName)", contents: chart.svg(standalone: true) + "\n")
                }
            },
            CompanyFileKind(name: "exports", inputs: [.shared, .profile, .figures]) { work in
                let figures = work.figures.figures
                guard !figures.isEmpty else { return [] }
                let (csv, json) = work.times.measure("exports") {
                    RequestExports.raw(company: work.company, figures: figures, sources: work.builder.dataset.sources)
                }
                return [OutputFile(path: "\(work.folder)/requests.csv", raw: csv), OutputFile(path: "\(work.folder)/requests.json", raw: json)]
            },
            CompanyFileKind(name: "histories", inputs: [.shared, .profile, .files]) { work in
                let builder = work.builder, report = work.report
                let feed = FeedBuilder.companyFeed(report, entries: work.feedEntries, siteTitle: builder.siteTitle)
                return [OutputFile(path: "\(work.folder)/feed.xml", contents: feed.xml)] + work.histories.map { history in
                    builder.page(
                        builder.renderer.documentHistory(history, of: report),
                        path: "\(work.folder)/documents/\(history.document.id)/index.html", depth: 3, feed: "../../feed.xml")
                }
            },
        ],
        siteKinds: [
            SiteFileKind(name: "front page", inputs: [.shared, .profile, .files, .figures]) { site in
                let builder = site.builder
                let index = builder.renderer.index(site.companies, comparisons: CompanySummary.comparisonPeriods(site.summaries), title: builder.siteTitle)
                return [builder.page(index, path: "site/index.html", depth: 0, feed: "feed.xml")]
            },
            SiteFileKind(name: "stylesheet", inputs: []) { site in
                [OutputFile(path: "site/" + TemplateSet.stylesheetName, contents: site.builder.renderer.templates.stylesheet)]
            },
            SiteFileKind(name: "exports list", inputs: [.profile, .figures]) { site in
                let exports = site.companies.filter { $0.summary.figureCount > 0 }.map {
                    RequestExports.Entry(company: $0.company.id, name: $0.company.name, figures: $0.summary.figureCount)
                }
                return [OutputFile(path: "site/data/requests.json", bytes: RequestExports.index(exports))]
            },
            // A page per period, made again when a company's line for the period changes.
            SiteFileKind(name: "comparisons", inputs: [.shared, .profile]) { site in
                let builder = site.builder, dataset = builder.dataset
                let companies = Dictionary(dataset.companies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                return CompanySummary.comparisonPeriods(site.summaries).map { period in
                    let lines = site.summaries.compactMap { summary in summary.comparisonRows[period].map { "\(summary.company) \($0.text)" } }
                    return SiteFileKind.Part(name: period.description, digest: InputStamps.digest(lines)) {
                        let comparison = builder.renderer.times.measure("analysis") {
                            PeriodComparison(period: period, summaries: site.summaries, companies: companies, sources: dataset.sources)
                        }
                        return [builder.page(builder.renderer.comparison(comparison), path: "site/compare/\(period)/index.html", depth: 2)]
                    }
                }
            },
            SiteFileKind(name: "feed", inputs: [.shared, .profile, .files]) { site in
                [OutputFile(path: "site/feed.xml", contents: FeedBuilder.siteFeed(site.feedEntries, siteTitle: site.builder.siteTitle).xml)]
            },
        ])
}

extension SiteWork {
    /// Each company with its summary, in company order.
    var companies: [(company: Company, summary: CompanySummary)] {
        let companies = Dictionary(builder.dataset.companies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return summaries.compactMap { summary in companies[summary.company].map { (company: $0, summary: summary) } }
    }
}
