import Foundation
import Testing
@testable import TransparencyImport
import TransparencyLoader

/// The mapping language on small files: every way of giving a period, every encoding, line
/// ending and delimiter an import reads.
@Suite struct ImportLanguageTests {
    /// A mapping with `period` for a file of a period column (when the rule reads one), a
    /// country and a count of requests.
    static func mapping(period: String, extra: String = "") -> String {
        """
        name: Test
        period: \(period)
        jurisdiction: {name: Country}
        measures:
          - {measure: requests, column: Requests}
        \(extra)
        """
    }

    /// The figures `bytes` gives with `mapping`, as `period jurisdiction process value`, and the
    /// diagnostics, with `path` as given.
    static func read(_ bytes: [UInt8], _ mapping: String, path: String = "f.csv") -> (figures: [String], diagnostics: [String]) {
        let (figures, diagnostics) = RequestsImport.read(bytes: bytes, path: path, company: "acme", source: "s", mappingYAML: mapping)
        return (figures.map { "\($0.period) \($0.jurisdiction.code) \($0.publishedAs ?? $0.process.rawValue) \($0.value)" }, diagnostics.map(\.description))
    }

    @Test(arguments: [
        ("{column: Ends, format: end-date}", "2013-06-30", "2013-H1"),
        ("{column: Ends, format: end-date, date_format: d/m/yy}", "31/12/09", "2009-H2"),
        ("{column: Ends, format: end-date, date_format: m/d/yyyy}", "6/30/2013", "2013-H1"),
        ("{column: Ends, format: end-date, date_format: d.m.yyyy}", "31.12.2015", "2015-H2"),
        ("{column: Ends, format: year}", "2016", "2016"),
        ("{column: Ends, format: half-year}", "January - June 2017", "2017-H1"),
        ("{column: Ends, format: half-year}", "Jul–Dec 2012", "2012-H2"),
        ("{column: Ends, format: half-year}", "1H 2013", "2013-H1"),
        ("{column: Ends, format: half-year}", "2009 (2nd half)", "2009-H2"),
        ("{column: Ends, format: half-year}", "H2 2014", "2014-H2"),
    ])
    func aPeriodIsReadFromAColumn(_ rule: String, _ cell: String, _ expected: String) {
        let (figures, diagnostics) = Self.read(Array("Ends,Country,Requests\n\(cell),Germany,5\n".utf8), Self.mapping(period: rule))
        #expect(diagnostics == [])
        #expect(figures == ["\(expected) DE all 5"])
    }

    @Test func aPeriodIsReadFromTwoDateColumns() {
        let mapping = Self.mapping(period: "{start: From, end: To, format: dates, date_format: d/m/yy}")
        let (figures, diagnostics) = Self.read(Array("From,To,Country,Requests\n1/1/21,30/6/21,Germany,5\n1/12/21,31/5/22,Germany,6\n".utf8), mapping)
        #expect(diagnostics == [])
        #expect(figures == ["2021-H1 DE all 5", "2021-12-01..2022-05-31 DE all 6"])
    }

    @Test(arguments: [
        ("{fixed: 2019-H2}", "anything.csv", "2019-H2"),
        ("{from: file-name, format: half-year}", "PRPL-Facebook-Government-Report-2019_H2.csv", "2019-H2"),
        ("{from: file-name, format: half-year, pattern: 'report_(\\d{4}_H[12])'}", "report_2020_H1_final.csv", "2020-H1"),
        ("{from: file-name, format: half-year, pattern: 'for (.*)\\.csv'}", "requests for January - June 2018.csv", "2018-H1"),
    ])
    func aPeriodIsFixedOrTakenFromTheFileName(_ rule: String, _ name: String, _ expected: String) {
        let (figures, diagnostics) = Self.read(Array("Country,Requests\nGermany,5\n".utf8), Self.mapping(period: rule), path: name)
        #expect(diagnostics == [])
        #expect(figures == ["\(expected) DE all 5"])
    }

    /// "Côte d'Ivoire" and "Court order – other" in each encoding.
    static let text = "Period,Country,Kind,Requests\n2013 H1,Côte d'Ivoire,Court order – other,7\n"
    static let kindMapping = mapping(period: "{column: Period, format: half-year}", extra: "process: {column: Kind, other: court-order}")

    @Test func everyEncodingIsRead() {
        let utf16 = Array(Self.text.utf16)
        let encodings: [(String, [UInt8])] = [
            ("", Array(Self.text.utf8)),
            ("", [0xEF, 0xBB, 0xBF] + Array(Self.text.utf8)),
            ("", [0xFF, 0xFE] + utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("", [0xFE, 0xFF] + utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
            ("encoding: windows-1252", Self.singleByte(Self.text, dash: 0x96)),
            ("encoding: utf-16", [0xFF, 0xFE] + utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
        ]
        for (setting, bytes) in encodings {
            let (figures, diagnostics) = Self.read(bytes, Self.kindMapping + "\n" + setting)
            #expect(diagnostics == [], "\(setting)")
            #expect(figures == ["2013-H1 CI Court order – other 7"], "\(setting) \(bytes.prefix(4))")
        }
        // Latin-1 has no en dash: the byte 0x96 is the control character U+0096 there.
        let (figures, diagnostics) = Self.read(Self.singleByte(Self.text, dash: 0x96), Self.kindMapping + "\nencoding: latin-1")
        #expect(diagnostics == [])
        #expect(figures == ["2013-H1 CI Court order \u{96} other 7"])
    }

    /// `text` with ô as Latin-1's 0xF4 and the en dash as `dash`.
    static func singleByte(_ text: String, dash: UInt8) -> [UInt8] {
        text.unicodeScalars.map { $0 == "–" ? dash : UInt8($0.value) }
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineEndingIsRead(_ ending: String) {
        let text = ["Period,Country,Requests", "2013 H1,Germany,5", "2013 H2,France,\"1,200\"", ""].joined(separator: ending)
        let (figures, diagnostics) = Self.read(Array(text.utf8), Self.mapping(period: "{column: Period, format: half-year}"))
        #expect(diagnostics == [])
        #expect(figures == ["2013-H1 DE all 5", "2013-H2 FR all 1200"])
    }

    @Test(arguments: [",", ";", "\t"])
    func everyDelimiterIsDetected(_ delimiter: String) {
        let text = ["Period", "Country", "Requests"].joined(separator: delimiter) + "\n"
            + ["2013 H1", "\"Korea, Republic of\"", "\"1,200\""].joined(separator: delimiter) + "\n"
        let (figures, diagnostics) = Self.read(Array(text.utf8), Self.mapping(period: "{column: Period, format: half-year}"))
        #expect(diagnostics == [])
        #expect(figures == ["2013-H1 KR all 1200"])
    }

    @Test func aColumnIsFoundUnderAnyOfItsNamesAndRowsAreFiltered() {
        let mapping = """
            name: Test
            period: {column: [Period, Reporting period], format: half-year}
            jurisdiction: {name: Country}
            where: {Company: [Acme, Acme Mobile]}
            measures:
              - {measure: requests, column: [Requests, Total requests]}
              - {measure: accounts, column: Accounts, optional: true, blank: absent}
            """
        let old = Self.read(Array("Reporting period,Company,Country,Total requests\n2013 H1,Acme,Germany,5\n2013 H1,Other,Germany,9\n".utf8), mapping)
        #expect(old.diagnostics == [])
        #expect(old.figures == ["2013-H1 DE all 5"])
        let new = Self.read(Array("Period,Company,Country,Requests,Accounts\n2019 H1,Acme Mobile,Germany,6,\n2019 H1,Acme,France,7,8\n".utf8), mapping)
        #expect(new.diagnostics == [])
        #expect(new.figures == ["2019-H1 DE all 6", "2019-H1 FR all 7", "2019-H1 FR all 8"])
    }

    /// A header with commas inside its names and tabs between them is read with tabs: the
    /// delimiter that splits the first row as the header is split wins.
    @Test func aDelimiterIsChosenByTheFirstRowWhenTheHeaderIsAmbiguous() {
        let text = "Period\tCountry, full name\tRequests, total\n2013 H1\tGermany\t5\n"
        let mapping = "name: Test\nperiod: {column: Period, format: half-year}\njurisdiction: {name: \"Country, full name\"}\nmeasures:\n  - {measure: requests, column: \"Requests, total\"}"
        let (figures, diagnostics) = Self.read(Array(text.utf8), mapping)
        #expect(diagnostics == [])
        #expect(figures == ["2013-H1 DE all 5"])
    }

    @Test func footnoteMarksTotalsAndUnreportedRangesAreRead() {
        let mapping = """
            name: Test
            period: {column: Period, format: half-year}
            jurisdiction: {code: Code, name: Country}
            skip_jurisdictions: [Total]
            not_reported: [n/a]
            measures:
              - {measure: requests, column: Requests}
              - {measure: accounts, minimum: Low, maximum: High}
              - {measure: percent-with-data, column: Share, bare_percentage: true}
            footnotes: {"*": Revised., "†": Estimated.}
            """
        let text = """
            Period,Code,Country,Requests,Low,High,Share
            2013 H1,DE,Germany,12*†,n/a,n/a,–
            2013 H1, Total ,All,99,0,499,50

            """
        let (figures, diagnostics) = RequestsImport.read(bytes: Array(text.utf8), path: "f.csv", company: "acme", source: "s", mappingYAML: mapping)
        #expect(diagnostics.map(\.description) == [])
        #expect(figures.map { "\($0.jurisdiction.code) \($0.measure.rawValue) \($0.value) \($0.note ?? "")" } == [
            "DE requests 12 Revised. Estimated.", "DE accounts - ", "DE percent-with-data - ",
        ])
    }
}
