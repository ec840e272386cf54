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
            files.append(OutputFile(
                path: "site/\(id)/index.html",
                contents: renderer.htmlDocument(page, depth: 1, siteTitle: siteTitle)))
        }
        let index = renderer.index(reports, title: siteTitle)
        files.append(OutputFile(path: "site/index.html", contents: renderer.htmlDocument(index, depth: 0, siteTitle: siteTitle)))
        files.append(OutputFile(path: "site/" + TemplateSet.stylesheetName, contents: templates.stylesheet))
        self.siteTitle = siteTitle
        self.files = files.sorted { $0.path < $1.path }
    }

    /// The number of HTML pages in the plan.
    public var pageCount: Int { files.filter { $0.path.hasSuffix(".html") }.count }
}
