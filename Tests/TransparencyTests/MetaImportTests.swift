import Foundation
import Testing
@testable import TransparencyAnalysis
import TransparencyImport
import TransparencySite

/// Meta's four downloads, imported with the built-in format and no mapping (each of the three
/// header variants detected by its columns): a total, a legal-process
/// and an emergency total under it, and processes under that, per country. No page shows more
/// than Meta's own totals.
@Suite(.enabled(if: TestPaths.shared != nil, "skipped: ../shared is absent, so Meta's downloads can't be imported"))
struct MetaImportTests {
    /// A dataset with the company `meta`, its four files imported, and the site built from it.
    static func imported() throws -> (data: String, output: String, figures: [RequestFigure]) {
        let fixture = try DatasetFixture([
            "companies/meta.yaml": "id: meta\nname: Meta",
            "sources.yaml": DatasetFixture.sources + """

                - id: meta-report
                  title: Meta government requests for user data
                  publisher: Meta
                  url: https://transparency.meta.com/reports/government-data-requests/
                """,
        ])
        let folder = (TestPaths.shared ?? "") + "/data/meta"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
        #expect(files.count == 4)
        let summary = try RequestsImport.run(files: files, mapping: nil, company: "meta", source: "meta-report", data: fixture.root)
        #expect(summary.warnings.isEmpty)
        #expect(summary.formats == Array(repeating: "Meta government requests for user data", count: 4))
        let output = try TestPaths.temporaryFolder("meta-site")
        _ = try BuildPipeline.build(data: fixture.root, templates: nil, output: output, incremental: false)
        let figures = try DatasetLoader.load(directory: fixture.root).dataset.figures(of: CompanyID("meta"))
        return (fixture.root, output, figures)
    }

    @Test func theTotalsAreMetasOwnAndNoPageShowsMore() throws {
        let (_, output, figures) = try Self.imported()
        func value(_ period: String, _ process: LegalProcess, _ measure: Measure = .requests) -> String? {
            figures.first {
                $0.period.description == period && $0.jurisdiction.code == "US" && $0.process == process && $0.measure == measure
            }?.value.description
        }
        #expect(value("2023-H1", .all) == "73956")
        #expect(value("2023-H1", .legalProcess) == "69761")
        #expect(value("2023-H1", .emergency) == "4195")
        #expect(value("2023-H1", .all, .accounts) == "125053")
        #expect(value("2023-H1", .subpoena) == "13511")
        #expect(value("2017-H2", .all) == "32742")
        #expect(value("2019-H2", .all) == "51121")
        #expect(value("2013-H1", .all) == "11000-12000")
        #expect(value("2013-H1", .all, .accounts) == "20000-21000")
        #expect(value("2013-H1", .all, .percentWithData) == "79%")
        #expect(value("2017-H2", .legalProcess) == "30934")
        #expect(value("2017-H2", .emergency) == "1808")
        #expect(value("2017-H2", .all, .accounts) == "53625")
        #expect(value("2017-H2", .all, .percentWithData) == "85%")
        #expect(value("2017-H2", .searchWarrant) == "19659")
        #expect(value("2017-H2", .searchWarrant, .accounts) == "31801")
        #expect(value("2017-H2", .searchWarrant, .percentWithData) == "87%")
        #expect(value("2019-H2", .legalProcess) == "47958")
        #expect(value("2019-H2", .emergency) == "3163")
        #expect(value("2019-H2", .all, .accounts) == "82321")
        #expect(value("2019-H2", .all, .percentWithData) == "88%")
        #expect(value("2023-H1", .subpoena, .accounts) == "28700")
        #expect(value("2023-H1", .subpoena, .percentWithData) == "83%")
        #expect(value("2023-H1", .all, .percentWithData) == "88%")
        let analysis = RequestAnalysis(figures: figures)
        #expect(analysis.totals.map { "\($0.period.shortLabel) \($0.requests.label) (\($0.coverage.label))" } == [
            "2013 H1 25,607–26,607 (sum of 71 countries, incl. US national security)",
            "2017 H2 82,341 (sum of 123 countries)",
            "2019 H2 140,875 (sum of 250 countries)",
            "2023 H1 271,692 (sum of 250 countries)",
        ])
        let page = try String(contentsOfFile: output + "/meta.md", encoding: .utf8)
        #expect(page.contains("| 2023 H1 | sum of 250 countries | 271,692 | 240,762 | 13,511 (United States only) |"))
        #expect(page.contains("| United States | 73,956 | 125,053 | 88% |"))
        // What adding totals to their parts gave: 372,383 worldwide, 147,912 for the United States.
        let html = try String(contentsOfFile: output + "/site/meta/index.html", encoding: .utf8)
        for text in [page, html] {
            #expect(!text.contains("372,383") && !text.contains("147,912"))
        }
    }

    /// The audit finds no total exceeded by its parts but one, which is Meta's own: its 2017 H2
    /// US legal-process total is 30,934 and its processes add up to 30,935. The other warnings
    /// say which half-years between the four files were not imported.
    @Test func theAuditFindsOnlyMetasOwnDiscrepancyAndTheMissingHalfYears() throws {
        let (data, _, figures) = try Self.imported()
        let warnings = ConsistencyWarnings.diagnostics(FigureAudit.findings(figures), company: CompanyID("meta"), data: data)
        #expect(warnings.map(\.message).map { String($0.prefix(while: { $0 != ";" })) }.sorted() == [
            "Legal process (total) in United States, 2017 H2 (Jul–Dec): its parts (Subpoena, Search warrant, Court order (other), Pen register / trap and trace, Wiretap (Title III)) add up to 30,935 requests, more than the published total of 30,934 (lines 1508, 1511, 1514, 1517, 1520, 1523)",
            "no figures for 2013 H2, 2014 H1, 2014 H2, 2015 H1, 2015 H2, 2016 H1, 2016 H2, 2017 H1, between 2013 H1 and 2017 H2",
            "no figures for 2018 H1, 2018 H2, 2019 H1, between 2017 H2 and 2019 H2",
            "no figures for 2020 H1, 2020 H2, 2021 H1, 2021 H2, 2022 H1, 2022 H2, between 2019 H2 and 2023 H1",
        ])
    }
}
