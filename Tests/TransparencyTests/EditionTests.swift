import Foundation
import Testing
@testable import TransparencyAnalysis
import TransparencyLoader
import TransparencyModel

/// One figure given by two editions is one figure: kept once with both sources where they agree,
/// a restatement shown with both values where they differ, the latest edition used.
@Suite struct EditionTests {
    static let header = "period,jurisdiction,process,published_as,measure,value,sources,edition\n"

    @Test func editionsThatAgreeAreOneFigureWithBothSources() throws {
        let figures = try FigurePages.figures(Self.header + """
            2017-H1,US,other,Legal Requests,requests,48933,example-source,2017-09-01
            2017-H1,US,other,Legal Requests,requests,48933,other-source,2018-03-01
            """, extraSources: ["other-source"])
        #expect(figures.count == 1)
        #expect(figures[0].sources == [SourceID("other-source")])
        #expect(figures[0].supportingSources == [SourceID("other-source"), SourceID("example-source")])
        #expect(figures[0].earlierEditions.map(\.edition.description) == ["2017-09-01"])
        #expect(FigureAudit.findings(figures).isEmpty)
        #expect(RequestAnalysis(figures: figures).totals.map(\.requests.label) == ["48,933"])
    }

    @Test func aRestatementIsShownWithBothValuesAndTheLatestIsUsed() throws {
        let csv = Self.header + """
            2017-H1,US,other,Legal Requests,requests,31472,example-source,2017-09-01
            2017-H1,US,other,Legal Requests,requests,31500,other-source,2018-03-01
            """
        let figures = try FigurePages.figures(csv, extraSources: ["other-source"])
        #expect(figures.count == 1)
        #expect(RequestAnalysis(figures: figures).totals.map(\.requests.label) == ["31,500"])
        let findings = FigureAudit.findings(figures)
        #expect(findings.map(\.kind) == [.restatement])
        #expect(findings.first?.message == "Other (Legal Requests) in United States, 2017 H1 (Jan–Jun): requests 31,500 in the edition of 2018-03-01 (other-source), restated from 31,472 in the edition of 2017-09-01 (example-source); the report uses the latest edition")
        let page = try FigurePages.companyPage(csv, extraSources: ["other-source"])
        #expect(page.contains("- Other (Legal Requests) in United States, 2017 H1 (Jan–Jun): requests 31,500 in the edition of 2018-03-01"))
    }

    @Test func anExactValueOutsideAnEarlierBandIsFlaggedAndOneInsideItIsNot() throws {
        let outside = try FigurePages.figures(Self.header + """
            2013-H1,US,all,,requests,0-499,example-source,2013-09-01
            2013-H1,US,all,,requests,612,other-source,2014-02-03
            """, extraSources: ["other-source"])
        #expect(FigureAudit.findings(outside).map(\.kind) == [.outsideBand])
        let inside = try FigurePages.figures(Self.header + """
            2013-H1,US,all,,requests,0-499,example-source,2013-09-01
            2013-H1,US,all,,requests,212,other-source,2014-02-03
            """, extraSources: ["other-source"])
        #expect(FigureAudit.findings(inside).isEmpty)
    }

    @Test func rowsOfOneKeyWithoutEditionsAreAnError() throws {
        let fixture = try DatasetFixture(["requests/acme.csv": """
            period,jurisdiction,process,measure,value,sources
            2013-H1,US,all,requests,100,example-source
            2013-H1,US,all,requests,120,example-source
            """])
        #expect(throws: DatasetError.self) { try DatasetLoader.load(directory: fixture.root) }
        do {
            _ = try DatasetLoader.load(directory: fixture.root)
        } catch {
            #expect(error.diagnostics.map { $0.description.replacingOccurrences(of: fixture.root, with: "D") } == [
                "D/requests/acme.csv:3:1: error: this figure is already given on line 2; if the two are editions of one figure, give each its edition's date in an `edition` column",
            ])
        }
    }
}
