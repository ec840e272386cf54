import Foundation
import Testing
@testable import TransparencyAnalysis
import TransparencyLoader
import TransparencyModel

/// The bundled dataset's figures say what they cover: Google's United States (given only per
/// process) counts in its totals, and the US-only combined bands of 2013 are never a bar or a
/// column beside worldwide figures.
@Suite struct BundledFiguresTests {
    static let dataset: Dataset? = try? DatasetLoader.load(directory: TestPaths.data).dataset

    static func analysis(_ company: String) throws -> RequestAnalysis {
        let dataset = try #require(Self.dataset)
        return RequestAnalysis(figures: dataset.figures(of: CompanyID(company)))
    }

    static func total(_ analysis: RequestAnalysis, _ period: String) -> RequestAnalysis.PeriodTotal? {
        analysis.totals.first { $0.period.description == period }
    }

    @Test func googlesTotalCountsTheUnitedStatesFromItsProcesses() throws {
        let google = try Self.analysis("google")
        #expect(Self.total(google, "2013-H1")?.requests.label == "25,879")
        #expect(Self.total(google, "2012-H2")?.requests.label == "21,389")
        #expect(google.series.count == 1)
    }

    @Test func microsoftsUSOnlyBandIsNeverInTheWorldwideSeries() throws {
        let microsoft = try Self.analysis("microsoft")
        #expect(microsoft.series.map(\.coverage.label) == ["United States only, incl. national security", "worldwide, as published"])
        #expect(microsoft.series.map { $0.totals.map(\.period.description) } == [["2012-H2"], ["2013-H1"]])
    }

    @Test func theCombinedBandsOf2013SayTheyAreCombined() throws {
        for (company, period) in [("microsoft", "2012-H2"), ("facebook", "2013-H1"), ("yahoo", "2012-12-01..2013-05-31"), ("apple", "2012-12-01..2013-05-31")] {
            let coverage = try #require(Self.total(try Self.analysis(company), period)?.coverage, "\(company)")
            #expect(coverage.includesNationalSecurity, "\(company) \(period)")
            #expect(coverage.label.hasPrefix("United States only, incl. national security"), "\(company) \(period)")
        }
        #expect(Self.total(try Self.analysis("apple"), "2012-12-01..2013-05-31")?.coverage.subject == .accountsOrDevices)
    }

    @Test func facebooksUSOnlyBandIsInATableOfItsOwnOnTheComparisonPage() throws {
        let page = try String(contentsOfFile: TestPaths.reports + "/site/compare/2013-H1/index.html", encoding: .utf8)
        let tables = page.components(separatedBy: "<caption>").dropFirst().map { table in
            (caption: String(table.prefix { $0 != "<" }), rows: table.components(separatedBy: "<th scope=\"row\">").dropFirst().map { String($0.prefix { $0 != "<" }) })
        }
        #expect(tables.map(\.caption) == ["Requests by company, 2013 H1 (Jan–Jun)", "Requests by company, 2013 H1 (Jan–Jun): United States only, incl. national security"])
        // Yahoo's only figure of the period is its FISA content band, published under the 2014 rules.
        #expect(tables.map(\.rows) == [["Apple", "Google", "Microsoft", "Yahoo"], ["Facebook"]])
    }
}
