import Foundation
import TransparencyImport
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

/// Importing a later edition of a download keeps the earlier one: a renamed label joins its
/// figure (`label_aliases`), a new value is a restatement with both editions, and totals count
/// the latest only.
@Suite struct EditionImportTests {
    static let mapping = """
        name: Example edition
        period: {column: Period Ending, format: end-date}
        jurisdiction: {code: Code}
        process:
          column: Legal Process
          values: {All: all}
          other: other
        label_aliases: {Legal Requests: Other Legal Requests}
        measures:
          - {measure: requests, column: Requests}
        """

    @Test func aLaterEditionWithARenamedLabelRestatesTheFigure() throws {
        let data = try DatasetFixture([
            "requests/acme.csv": "period,jurisdiction,process,measure,value,sources",
            "sources.yaml": DatasetFixture.sources + """

                - {id: edition-2017, title: Report, publisher: Example, url: "https://example.org/2017", date: 2017-09-01}
                - {id: edition-2018, title: Report, publisher: Example, url: "https://example.org/2018", date: 2018-03-01}
                """,
        ])
        let folder = try TestPaths.temporaryFolder("editions")
        try Self.mapping.write(toFile: folder + "/mapping.yaml", atomically: true, encoding: .utf8)
        try "Period Ending,Code,Legal Process,Requests\n2017-06-30,US,Legal Requests,31472\n2017-06-30,DE,All,17461\n"
            .write(toFile: folder + "/2017.csv", atomically: true, encoding: .utf8)
        try "Period Ending,Code,Legal Process,Requests\n2017-06-30,US,Other Legal Requests,31500\n2017-06-30,DE,All,17461\n"
            .write(toFile: folder + "/2018.csv", atomically: true, encoding: .utf8)
        let first = try RequestsImport.run(
            files: [folder + "/2017.csv"], mapping: folder + "/mapping.yaml", company: "acme", source: "edition-2017", data: data.root)
        #expect(first.added == 2)
        let second = try RequestsImport.run(
            files: [folder + "/2018.csv"], mapping: folder + "/mapping.yaml", company: "acme", source: "edition-2018", data: data.root)
        #expect(second.line.hasSuffix("0 added, 0 changed, 1 restated, 1 unchanged."))
        let written = try String(contentsOfFile: data.path("requests/acme.csv"), encoding: .utf8)
        #expect(written == """
            period,jurisdiction,process,published_as,subject,measure,value,regime,sources,edition
            2017-H1,DE,all,All,accounts,requests,17461,,edition-2017;edition-2018,
            2017-H1,US,other,Other Legal Requests,accounts,requests,31472,,edition-2017,2017-09-01
            2017-H1,US,other,Other Legal Requests,accounts,requests,31500,,edition-2018,2018-03-01

            """)
        // Importing either edition again changes nothing: neither is added twice nor lost.
        for (file, source) in [("2017", "edition-2017"), ("2018", "edition-2018")] {
            let again = try RequestsImport.run(
                files: [folder + "/\(file).csv"], mapping: folder + "/mapping.yaml", company: "acme", source: source, data: data.root)
            #expect(again.line.hasSuffix("0 added, 0 changed, 0 restated, 2 unchanged."), "\(file)")
            #expect(try String(contentsOfFile: data.path("requests/acme.csv"), encoding: .utf8) == written, "\(file)")
        }
        let figures = try DatasetLoader.load(directory: data.root).dataset.figures(of: CompanyID("acme"))
        #expect(RequestAnalysis(figures: figures).totals.map(\.requests.label) == ["48,961"])
        #expect(FigureAudit.findings(figures).map(\.kind) == [.restatement])
    }
}
