import Foundation
import Testing
@testable import TransparencyImport
import TransparencyLoader

@Suite struct ImportTests {
    static let fixtures = TestPaths.packageRoot + "/Tests/Fixtures/import"

    /// A dataset with the companies and sources imports cite.
    func dataset() throws -> DatasetFixture {
        try DatasetFixture([
            "companies/google.yaml": "id: google\nname: Google",
            "companies/apple.yaml": "id: apple\nname: Apple",
            "companies/example.yaml": "id: example\nname: Example Telecom",
            "sources.yaml": DatasetFixture.sources + """

                - id: google-report
                  title: Google Transparency Report
                  publisher: Google
                  url: https://transparencyreport.google.com/
                - id: apple-report
                  title: Apple Transparency Report
                  publisher: Apple
                  url: https://www.apple.com/legal/transparency/
                - id: example-report
                  title: Example Telecom transparency report
                  publisher: Example Telecom
                  url: https://example.org/transparency
                """,
        ])
    }

    func figures(_ data: DatasetFixture, _ company: String) throws -> [RequestFigure] {
        try DatasetLoader.load(directory: data.root).dataset.figures.filter { $0.company.rawValue == company }
    }

    func value(_ figures: [RequestFigure], _ period: String, _ jurisdiction: String, _ words: String?, _ measure: Measure,
               subject: RequestSubject = .accounts, process: LegalProcess? = nil) -> String? {
        figures.first {
            $0.period.description == period && $0.jurisdiction.code == jurisdiction && $0.measure == measure
                && $0.subject == subject && (words == nil || $0.publishedAs == words) && (process == nil || $0.process == process)
        }?.value.description
    }

    @Test(.enabled(if: TestPaths.shared != nil, "skipped: ../shared is absent, so the published CSVs can't be imported"))
    func everyGoogleCSVImportsAndHoldsTheKnownFigures() throws {
        let data = try dataset()
        let folder = (TestPaths.shared ?? "") + "/data/google"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
        #expect(files.count == 4)
        let summary = try RequestsImport.run(files: files, mapping: nil, company: "google", source: "google-report", data: data.root)
        #expect(summary.warnings.isEmpty)
        #expect(Set(summary.formats).count == 4)
        let figures = try figures(data, "google")
        #expect(value(figures, "2013-H1", "US", "Subpoenas", .requests) == "7458")
        #expect(value(figures, "2013-H1", "US", "Subpoenas", .percentWithData) == "84%")
        #expect(value(figures, "2013-H1", "US", "Subpoenas", .accounts) == "15770")
        #expect(value(figures, "2013-H1", "US", nil, .requests, process: .nationalSecurityLetter) == "6-499")
        #expect(value(figures, "2023-H1", "US", nil, .accounts, process: .fisaContent) == "115000-115499")
        #expect(figures.first { $0.process == .fisaContent }?.regime == .separate500)
    }

    @Test(.enabled(if: TestPaths.shared != nil, "skipped: ../shared is absent, so the published CSVs can't be imported"))
    func everyAppleCSVImportsAndHoldsTheKnownFigures() throws {
        let data = try dataset()
        let folder = (TestPaths.shared ?? "") + "/data/apple"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
        #expect(files.count == 4)
        let summary = try RequestsImport.run(files: files, mapping: nil, company: "apple", source: "apple-report", data: data.root)
        #expect(summary.warnings.isEmpty)
        let figures = try figures(data, "apple")
        #expect(value(figures, "2013-H1", "US", nil, .requests, process: .legalProcess) == "927")
        #expect(value(figures, "2013-H1", "US", nil, .accounts, process: .legalProcess) == "2330")
        #expect(value(figures, "2013-H1", "US", nil, .rejected, process: .legalProcess) == "102")
        #expect(value(figures, "2013-H1", "US", nil, .nonContentOnly, process: .legalProcess) == "601")
        #expect(value(figures, "2013-H1", "US", nil, .contentDisclosed, process: .legalProcess) == "71")
        #expect(value(figures, "2013-H1", "US", nil, .percentWithData, process: .legalProcess) == "72%")
        #expect(value(figures, "2013-H1", "US", nil, .requests, subject: .devices, process: .all) == "3542")
        #expect(value(figures, "2017-H1", "US", nil, .requests, process: .nationalSecurityCombined) == "13255-13499")
        #expect(figures.first { $0.process == .nationalSecurityCombined }?.regime == .combined250)
        #expect(value(figures, "2015-H1", "AT", nil, .requestsWithData, process: .emergency) == "-")
        #expect(value(figures, "2013-H1", "CN", nil, .requests, process: .legalProcess) != nil)
    }

    @Test(.enabled(if: TestPaths.shared != nil, "skipped: ../shared is absent, so the published CSVs can't be imported"))
    func reimportingChangesNothingAndANewerFileAddsItsPeriods() throws {
        let data = try dataset()
        let full = (TestPaths.shared ?? "") + "/data/google/google-global-user-data-requests.csv"
        let lines = try String(contentsOfFile: full, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let older = try TestPaths.temporaryFolder() + "/google-global-user-data-requests.csv"
        try lines.filter { !$0.hasPrefix("2023-") }.joined(separator: "\n").write(toFile: older, atomically: true, encoding: .utf8)
        let first = try RequestsImport.run(files: [older], mapping: nil, company: "google", source: "google-report", data: data.root)
        let written = try Data(contentsOf: URL(fileURLWithPath: data.path("requests/google.csv")))
        let again = try RequestsImport.run(files: [older], mapping: nil, company: "google", source: "google-report", data: data.root)
        #expect(again.added == 0 && again.changed == 0 && again.unchanged == first.imported)
        #expect(try Data(contentsOf: URL(fileURLWithPath: data.path("requests/google.csv"))) == written)
        let newer = try RequestsImport.run(files: [full], mapping: nil, company: "google", source: "google-report", data: data.root)
        #expect(newer.added > 0 && newer.changed == 0 && newer.unchanged == first.imported)
        #expect(Set(try figures(data, "google").map(\.period.description)).contains("2023-H1"))
    }

    @Test func aWideFormatImportsThroughAMappingFileAlone() throws {
        let data = try dataset()
        let summary = try RequestsImport.run(
            files: [Self.fixtures + "/example-telecom.csv"], mapping: Self.fixtures + "/example-telecom.yaml",
            company: "example", source: "example-report", data: data.root)
        #expect(summary.imported == 45)
        #expect(summary.periods.map(\.description) == ["2021-H1", "2021-H2", "2021-12-01..2022-05-31"])
        let csv = try String(contentsOfFile: data.path("requests/example.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "period,jurisdiction,process,published_as,subject,measure,value,regime,sources")
        #expect(lines.contains("2021-H1,DE,search-warrant,,accounts,requests,-,,example-report"))
        #expect(lines.contains("2021-H1,GB,subpoena,,accounts,requests,1204,,example-report"))
        #expect(lines.contains("2021-H1,GB,subpoena,,accounts,percent-with-data,71%,,example-report"))
        #expect(lines.contains("2021-H2,DE,search-warrant,,accounts,requests,1-9,,example-report"))
        #expect(lines.contains("2021-12-01..2022-05-31,FR,subpoena,,accounts,accounts,0-499,,example-report"))
        #expect(lines.count == 46)
    }

    @Test func badRowsAreAllReportedAndNothingIsWritten() throws {
        let data = try dataset()
        let file = Self.fixtures + "/bad-rows.csv"
        let error = #expect(throws: DatasetError.self) {
            try RequestsImport.run(files: [file], mapping: nil, company: "apple", source: "apple-report", data: data.root)
        }
        #expect(error?.diagnostics.map { $0.description.replacingOccurrences(of: Self.fixtures + "/", with: "") } == [
            "bad-rows.csv:3:1: error: column 'TR Period': cannot read the period '2013 H3'; expected a half-year or months of one year: 2013 H1, 2013-H1, H1 2013, 1H 2013, 2013 (1st half), January - June 2013, Jan–Jun 2013",
            "bad-rows.csv:4:24: error: column 'Country/Region': unknown jurisdiction 'Atlantis'; add it under 'jurisdiction_names' in a mapping",
            "bad-rows.csv:5:32: error: column 'Account Requests Received': malformed count '12,5x': expected a number (7458 or 7,458), a range (0-499), <N, or - for not reported",
            "bad-rows.csv:6:35: error: column 'Accounts Specified in Requests': malformed count '9 - 5': the range's minimum exceeds its maximum",
            "bad-rows.csv:6:47: error: column 'Percentage of Requests where Data Provided': malformed percentage '140%': expected a number from 0% to 100%, or - for not reported",
            "bad-rows.csv:7:43: warning: published 90% of requests with data, but 3 of 10 is 30%",
        ])
        #expect(!FileManager.default.fileExists(atPath: data.path("requests/apple.csv")))
    }

    @Test func aFileThatGivesNoFigureIsAnError() throws {
        let data = try dataset()
        let folder = try TestPaths.temporaryFolder("empty-import")
        // A header alone, and a file whose only row is skipped: nothing to import in either.
        try "Period Ending,Code,Requests\n".write(toFile: folder + "/header.csv", atomically: true, encoding: .utf8)
        try "Period Ending,Code,Requests\n2013-06-30,Total,5\n".write(toFile: folder + "/skipped.csv", atomically: true, encoding: .utf8)
        try """
            name: Example
            period: {column: Period Ending, format: end-date}
            jurisdiction: {name: Code}
            skip_jurisdictions: [Total]
            measures:
              - {measure: requests, column: Requests}
            """.write(toFile: folder + "/mapping.yaml", atomically: true, encoding: .utf8)
        let error = #expect(throws: DatasetError.self) {
            try RequestsImport.run(
                files: [folder + "/header.csv", folder + "/skipped.csv"], mapping: folder + "/mapping.yaml", company: "example",
                source: "example-report", data: data.root)
        }
        #expect(error?.diagnostics.map { $0.description.replacingOccurrences(of: folder + "/", with: "") } == ["header.csv", "skipped.csv"].map {
            "\($0):1:1: error: no figures were read from this file (mapping 'Example'): check that its rows have values in the mapped columns, and that 'blank' and 'skip_jurisdictions' leave some"
        })
        #expect(!FileManager.default.fileExists(atPath: data.path("requests/example.csv")))
    }

    @Test func unknownFormatsAndSourcesAreRefused() throws {
        let data = try dataset()
        let error = #expect(throws: DatasetError.self) {
            try RequestsImport.run(files: [Self.fixtures + "/example-telecom.csv"], mapping: nil, company: "example", source: "example-reprot", data: data.root)
        }
        #expect(error?.diagnostics.first?.message.hasPrefix("no source 'example-reprot'") == true)
        let unknown = #expect(throws: DatasetError.self) {
            try RequestsImport.run(files: [Self.fixtures + "/example-telecom.csv"], mapping: nil, company: "example", source: "example-report", data: data.root)
        }
        #expect(unknown?.diagnostics.first?.message.hasPrefix("unknown format (header read with the delimiter ',': Reporting period start,") == true)
    }
}

@Suite struct BuiltInFormatTests {
    @Test func everyBuiltInMappingParsesWithoutADiagnostic() {
        for (name, yaml) in BuiltInFormats.mappings {
            let log = DiagnosticLog()
            #expect(MappingReader.read(yaml, path: name, log: log) != nil, "\(name)")
            #expect(log.diagnostics.isEmpty, "\(name): \(log.diagnostics)")
        }
        #expect(BuiltInFormats.parsed.allSatisfy { $0 != nil })
    }
}
