import Markdown
import Templating
import TransparencyAnalysis
import TransparencyModel

/// Renders pages: template → Markdown with block placeholders → Markdown report and HTML body.
public struct PageRenderer: Sendable {
    public let templates: TemplateSet
    /// Where template and cmark time is added up.
    public let times: StageTimes

    public init(templates: TemplateSet, times: StageTimes = StageTimes()) {
        self.templates = templates
        self.times = times
    }

    /// A company's report.
    public func company(_ report: CompanyReport) -> RenderedPage {
        var context = CompanyContext(report: report)
        let values = times.measure("templates") { context.build() }
        return render("company.md", values, blocks: context.blocks, title: report.company.name)
    }

    /// The charts of a company's requests over time, one per series of alike figures
    /// (`RequestAnalysis.series`) with more than one period.
    public func requestCharts(_ report: CompanyReport) -> [RequestChart] {
        RequestSection(company: report.company, analysis: report.requests, citations: report.citations).charts
    }

    /// A document's history: every version, newest first, with its changes from the one before.
    public func documentHistory(_ history: DocumentHistory, of report: CompanyReport) -> RenderedPage {
        var blocks = BlockSet()
        let citations = CitationIndex(cited: Set(history.document.versions.flatMap(\.sources)), sources: report.citations.sources)
        let values = DocumentContext.build(history, company: report.company, citations: citations, blocks: &blocks)
        return render("document.md", values, blocks: blocks, title: "\(history.document.title) · \(report.company.name)")
    }

    /// Companies side by side for one period.
    public func comparison(_ comparison: PeriodComparison) -> RenderedPage {
        var blocks = BlockSet()
        let values = ComparisonContext.build(comparison, blocks: &blocks)
        return render("compare.md", values, blocks: blocks, title: "Requests by company, \(comparison.period.label)")
    }

    /// The site's front page, listing every company.
    public func index(_ entries: [(company: Company, summary: CompanySummary)], comparisons: [Period], title: String) -> RenderedPage {
        var blocks = BlockSet()
        var values = IndexContext.build(entries, title: title, blocks: &blocks)
        values["comparisons"] = .list(comparisons.map { ["period": .text($0.label), "id": .text($0.description)] })
        values["hasComparisons"] = .bool(!comparisons.isEmpty)
        return render("index.md", .object(values), blocks: blocks, title: title)
    }

    /// A whole HTML document: the page's body inside the layout.
    public func htmlDocument(_ page: RenderedPage, depth: Int, siteTitle: String, feed: String? = nil) -> String {
        let up = String(repeating: "../", count: depth)
        var context: [String: TemplateValue] = [
            "title": .text(page.title),
            "siteTitle": .text(siteTitle),
            "isIndex": .bool(depth == 0),
            "body": .text(page.htmlBody),
            "stylesheet": .text(up + TemplateSet.stylesheetName),
            "home": .text(up + "index.html"),
        ]
        if let feed {
            context["feed"] = .text(feed)
            context["feedTitle"] = .text("\(page.title) (Atom feed)")
        }
        return times.measure("templates") { templates.render("layout.html", .object(context)) }
    }

    private func render(_ template: String, _ values: TemplateValue, blocks: BlockSet, title: String) -> RenderedPage {
        let markdown = times.measure("templates") { templates.render(template, values) }
        let html = times.measure("cmark") {
            CommonMark.html(markdown) { block in blocks.html(info: block.info, content: block.content) }
        }
        return RenderedPage(template: markdown, blocks: blocks, htmlBody: html, title: title)
    }
}
