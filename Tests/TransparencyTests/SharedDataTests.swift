import Foundation
import Testing
@testable import TransparencyLoader

/// The bundled figures for Google and Apple were taken from the companies' own CSV downloads in
/// ../shared/data; these tests check them against those files, and skip where ../shared is absent.
@Suite(.enabled(if: TestPaths.shared != nil, "skipped: ../shared is absent beside the checkout, so the published CSVs can't be compared"))
struct SharedDataTests {
    /// The records of a published CSV file after its header.
    func sharedCSV(_ relative: String) throws -> [CSVReader.Record]? {
        guard let shared = TestPaths.shared else { return nil }
        return try Array(CSVReader(text: String(contentsOfFile: shared + "/data/" + relative, encoding: .utf8)).dropFirst())
    }

    func bundledValue(_ company: String, _ process: String, _ measure: String, _ jurisdiction: String = "US") throws -> String? {
        let (dataset, _) = try DatasetLoader.load(directory: TestPaths.data)
        return dataset.figures.first {
            $0.company.rawValue == company && $0.process.rawValue == process && $0.measure.rawValue == measure
                && $0.jurisdiction.code == jurisdiction && $0.period.description == "2013-H1" && $0.subject == .accounts
        }?.value.description
    }

    @Test func googleFiguresMatchGooglesCSV() throws {
        guard let table = try sharedCSV("google/google-global-user-data-requests.csv") else { return }
        let processes = [
            "Subpoenas": "subpoena", "Search Warrants": "search-warrant", "Other Court Orders": "court-order",
            "Pen Register Orders": "pen-register", "Wiretap Orders": "wiretap", "Emergency Disclosure Requests": "emergency",
        ]
        let rows = table.filter { $0.fields[0] == "2013-06-30" && $0.fields[2] == "US" }
        #expect(rows.count == processes.count)
        for row in rows {
            let process = try #require(processes[row.fields[3]])
            #expect(try bundledValue("google", process, "requests") == row.fields[4])
            #expect(try bundledValue("google", process, "percent-with-data") == row.fields[5] + "%")
            #expect(try bundledValue("google", process, "accounts") == row.fields[6])
        }
    }

    @Test func googleNationalSecurityBandsMatch() throws {
        for (file, process) in [("fisa-content", "fisa-content"), ("fisa-non-content", "fisa-non-content"), ("nsl", "nsl")] {
            guard let table = try sharedCSV("google/google-usnationalsecurity-\(file)-requests.csv") else { return }
            let row = try #require(table.first { $0.fields[0] == "2013-06-30" })
            #expect(try bundledValue("google", process, "requests") == "\(row.fields[1])-\(row.fields[2])")
            #expect(try bundledValue("google", process, "accounts") == "\(row.fields[3])-\(row.fields[4])")
        }
    }

    @Test func appleFiguresMatchApplesCSV() throws {
        guard let table = try sharedCSV("apple/account_requests.csv") else { return }
        let row = try #require(table.first { $0.fields[0] == "2013 H1" && $0.fields[3] == "United States of America" })
        #expect(try bundledValue("apple", "legal-process", "requests") == row.fields[4])
        #expect(try bundledValue("apple", "legal-process", "accounts") == row.fields[5])
        #expect(try bundledValue("apple", "legal-process", "rejected") == row.fields[6])
        #expect(try bundledValue("apple", "legal-process", "non-content-only") == row.fields[7])
        #expect(try bundledValue("apple", "legal-process", "content-disclosed") == row.fields[8])
        #expect(try bundledValue("apple", "legal-process", "percent-with-data") == row.fields[9])
        guard let security = try sharedCSV("apple/us_national_security_requests.csv") else { return }
        let band = try #require(security.first { $0.fields[0] == "2013 H1" })
        #expect(try bundledValue("apple", "national-security", "requests") == band.fields[5].replacingOccurrences(of: " ", with: ""))
        #expect(try bundledValue("apple", "national-security", "accounts") == band.fields[6].replacingOccurrences(of: " ", with: ""))
    }
}
