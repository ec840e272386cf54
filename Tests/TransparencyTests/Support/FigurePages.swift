import Foundation
import Testing
import TransparencyAnalysis
import TransparencyLoader
import TransparencyModel
import TransparencyRender

/// Pages made from a small dataset whose request figures a test gives: the fixture's company
/// `acme` with `requests`, and a second company `beta` with `betaRequests` when given.
enum FigurePages {
    static func dataset(_ requests: String, betaRequests: String? = nil, extraSources: [String] = []) throws -> Dataset {
        let sources = extraSources.map { "\n- id: \($0)\n  title: \($0)\n  publisher: Example Publisher\n  url: https://example.org/\($0)\n  date: 2014-02-03" }
        var files = [
            "sources.yaml": DatasetFixture.sources + sources.joined(),
            "claims.yaml": DatasetFixture.claims,
            "companies/acme.yaml": DatasetFixture.company,
            "statements/acme.yaml": DatasetFixture.statements,
            "requests/acme.csv": requests,
        ]
        if let betaRequests {
            files["companies/beta.yaml"] = "id: beta\nname: Beta\n"
            files["requests/beta.csv"] = betaRequests
        }
        return try DatasetLoader.load(MemoryFiles(files: files)).dataset
    }

    /// Acme's figures, in key order.
    static func figures(_ requests: String, extraSources: [String] = []) throws -> [RequestFigure] {
        try dataset(requests, extraSources: extraSources).figures(of: CompanyID("acme"))
    }

    static func report(_ dataset: Dataset, _ company: String = "acme") throws -> CompanyReport {
        let company = try #require(dataset.companies.first { $0.id == CompanyID(company) })
        return CompanyReport(company: company, dataset: dataset)
    }

    /// Acme's report, as Markdown.
    static func companyPage(_ requests: String, extraSources: [String] = []) throws -> String {
        try PageRenderer(templates: .builtIn()).company(report(dataset(requests, extraSources: extraSources))).markdown
    }

    /// The comparison page of `period`, as Markdown, for Acme and Beta.
    static func comparisonPage(_ period: Period, acme: String, beta: String) throws -> String {
        let dataset = try dataset(acme, betaRequests: beta)
        let summaries = try ["acme", "beta"].map { id in
            CompanySummary(report: try report(dataset, id), figures: dataset.figures(of: CompanyID(id)))
        }
        let comparison = PeriodComparison(
            period: period, summaries: summaries, companies: Dictionary(uniqueKeysWithValues: dataset.companies.map { ($0.id, $0) }),
            sources: dataset.sources)
        return try PageRenderer(templates: .builtIn()).comparison(comparison).markdown
    }
}
