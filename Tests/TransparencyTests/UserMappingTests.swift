import Foundation
import Testing
import TransparencyImport
import TransparencyLoader
import TransparencySite

/// A publisher's own download, read with a mapping file a user wrote in the language
/// docs/importing.md documents, and no code: month ranges, footnote marks, thousands separators,
/// `-` for "not reported" and a row of totals to leave out.
@Suite struct UserMappingTests {
    static let fixtures = TestPaths.packageRoot + "/Tests/Fixtures/import"

    @Test func aUsersMappingImportsTheFileAndThePageShowsItsFootnotes() throws {
        let data = try DatasetFixture([
            "companies/northwind.yaml": "id: northwind\nname: Northwind Telecom",
            "sources.yaml": DatasetFixture.sources + """

                - id: northwind-report
                  title: Northwind Telecom law enforcement report
                  publisher: Northwind Telecom
                  url: https://example.org/northwind
                """,
        ])
        let summary = try RequestsImport.run(
            files: [Self.fixtures + "/northwind-telecom.csv"], mapping: Self.fixtures + "/northwind-telecom.yaml",
            company: "northwind", source: "northwind-report", data: data.root)
        #expect(summary.warnings.isEmpty)
        #expect(summary.line.hasPrefix("Imported 12 figures (2017-H1 to 2017-H2, 2 periods) into "))
        #expect(try String(contentsOfFile: data.path("requests/northwind.csv"), encoding: .utf8) == """
            period,jurisdiction,process,published_as,subject,measure,value,regime,sources,note
            2017-H1,DE,court-order,Court order,accounts,requests,880,,northwind-report,
            2017-H1,DE,court-order,Court order,accounts,accounts,-,,northwind-report,
            2017-H1,DE,court-order,Court order,accounts,percent-with-data,64%,,northwind-report,
            2017-H1,GB,subpoena,Subpoena,accounts,requests,1204,,northwind-report,Includes requests received under the Investigatory Powers Act 2016.
            2017-H1,GB,subpoena,Subpoena,accounts,accounts,1890,,northwind-report,
            2017-H1,GB,subpoena,Subpoena,accounts,percent-with-data,71%,,northwind-report,
            2017-H2,DE,court-order,Court order,accounts,requests,-,,northwind-report,
            2017-H2,DE,court-order,Court order,accounts,accounts,-,,northwind-report,
            2017-H2,DE,court-order,Court order,accounts,percent-with-data,-,,northwind-report,
            2017-H2,GB,subpoena,Subpoena,accounts,requests,1350,,northwind-report,
            2017-H2,GB,subpoena,Subpoena,accounts,accounts,2101,,northwind-report,Revised in the report for 2018.
            2017-H2,GB,subpoena,Subpoena,accounts,percent-with-data,69%,,northwind-report,

            """)
        let figures = try DatasetLoader.load(directory: data.root).dataset.figures(of: CompanyID("northwind"))
        #expect(figures.compactMap(\.note) == ["Includes requests received under the Investigatory Powers Act 2016.", "Revised in the report for 2018."])
        let output = try TestPaths.temporaryFolder("northwind-site")
        _ = try BuildPipeline.build(data: data.root, templates: nil, output: output, incremental: false)
        let page = try String(contentsOfFile: output + "/northwind.md", encoding: .utf8)
        #expect(page.contains("""
            ### Notes from the publisher

            Footnotes the publisher put on some of these figures, as it wrote them.

            - “Includes requests received under the Investigatory Powers Act 2016.” On: 2017 H1, United Kingdom, Subpoena: requests. [\\[1\\]](#source-1)
            - “Revised in the report for 2018.” On: 2017 H2, United Kingdom, Subpoena: accounts specified. [\\[1\\]](#source-1)
            """))
    }

    /// Importing again with --dry-run says what would change, period by period, and writes nothing.
    @Test func aDryRunPrintsTheChangesByPeriodAndWritesNothing() throws {
        let data = try DatasetFixture([
            "companies/northwind.yaml": "id: northwind\nname: Northwind Telecom",
            "sources.yaml": DatasetFixture.sources + "\n- id: northwind-report\n  title: Report\n  publisher: Northwind Telecom\n  url: https://example.org/northwind\n",
        ])
        let files = [Self.fixtures + "/northwind-telecom.csv"], mapping = Self.fixtures + "/northwind-telecom.yaml"
        let dry = try RequestsImport.run(files: files, mapping: mapping, company: "northwind", source: "northwind-report", data: data.root, dryRun: true)
        #expect(!FileManager.default.fileExists(atPath: data.path("requests/northwind.csv")))
        #expect(dry.line.hasPrefix("Would import 12 figures (2017-H1 to 2017-H2, 2 periods) into "))
        #expect(dry.line.hasSuffix(", writing nothing: 12 added, 0 changed, 0 restated, 0 unchanged."))
        #expect(dry.periodLines == [
            "  2017-H1: 6 added, 0 changed, 0 restated, 0 unchanged",
            "  2017-H2: 6 added, 0 changed, 0 restated, 0 unchanged",
        ])
        _ = try RequestsImport.run(files: files, mapping: mapping, company: "northwind", source: "northwind-report", data: data.root)
        let written = try Data(contentsOf: URL(fileURLWithPath: data.path("requests/northwind.csv")))
        // The same file with one value changed: a dry run sees the change and leaves the file as it was.
        let changed = try TestPaths.temporaryFolder("northwind-changed") + "/northwind-telecom.csv"
        try String(contentsOfFile: files[0], encoding: .utf8).replacingOccurrences(of: "880", with: "881").write(toFile: changed, atomically: true, encoding: .utf8)
        let again = try RequestsImport.run(files: [changed], mapping: mapping, company: "northwind", source: "northwind-report", data: data.root, dryRun: true)
        #expect(again.periodLines == [
            "  2017-H1: 0 added, 1 changed, 0 restated, 5 unchanged",
            "  2017-H2: 0 added, 0 changed, 0 restated, 6 unchanged",
        ])
        #expect(try Data(contentsOf: URL(fileURLWithPath: data.path("requests/northwind.csv"))) == written)
    }
}
