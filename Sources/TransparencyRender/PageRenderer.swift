import Markdown
import TransparencyAnalysis
import TransparencyModel

/// Renders pages: template → Markdown with block placeholders → Markdown report and HTML body.
public struct PageRenderer: Sendable {
    public let templates: TemplateSet

    public init(templates: TemplateSet) { self.templates = templates }

    /// A company's report.
    public func company(_ report: CompanyReport) -> RenderedPage {
        var context = CompanyContext(report: report)
        let values = context.build()
        return render("company.md", values, blocks: context.blocks, title: report.company.name)
    }

    /// The site's front page, listing every company.
    public func index(_ reports: [CompanyReport], title: String) -> RenderedPage {
        var blocks = BlockSet()
        let values = IndexContext.build(reports, title: title, blocks: &blocks)
        return render("index.md", values, blocks: blocks, title: title)
    }

    /// A whole HTML document: the page's body inside the layout.
    public func htmlDocument(_ page: RenderedPage, depth: Int, siteTitle: String) -> String {
        let up = String(repeating: "../", count: depth)
        let context: [String: Any] = [
            "title": page.title,
            "siteTitle": siteTitle,
            "isIndex": depth == 0,
            "body": page.htmlBody,
            "stylesheet": up + TemplateSet.stylesheetName,
            "home": up + "index.html",
        ]
        return templates.render("layout.html", context)
    }

    private func render(_ template: String, _ values: [String: Any], blocks: BlockSet, title: String) -> RenderedPage {
        let markdown = templates.render(template, values)
        let html = CommonMark.html(markdown) { block in blocks.html(info: block.info, content: block.content) }
        return RenderedPage(markdown: blocks.expandMarkdown(markdown), htmlBody: html, title: title)
    }
}
