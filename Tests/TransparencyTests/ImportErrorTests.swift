import Foundation
import Testing
@testable import TransparencyImport
import TransparencyLoader

/// Each import error a user can act on, with its exact text: where it is, what was found, and
/// the setting or form that reads it.
@Suite struct ImportErrorTests {
    static let halfYear = ImportLanguageTests.mapping(period: "{column: Period, format: half-year}")

    func diagnostics(_ text: String, _ mapping: String = halfYear, bytes: [UInt8]? = nil) -> [String] {
        ImportLanguageTests.read(bytes ?? Array(text.utf8), mapping).diagnostics
    }

    @Test func aProblemInManyRowsIsOneErrorWithTheRowsItIsIn() {
        let rows = (1...7).map { "\($0 < 4 ? "January - June 17" : "Jan to Jun 2017"),Germany,\($0)" }
        #expect(diagnostics((["Period,Country,Requests"] + rows).joined(separator: "\n")) == [
            "f.csv:2:1: error: column 'Period': cannot read the period 'January - June 17'; expected a half-year or months of one year: 2013 H1, 2013-H1, H1 2013, 1H 2013, 2013 (1st half), January - June 2013, Jan–Jun 2013 (in 7 rows: lines 2, 3, 4, 5, 6 and 2 more, 2 different values)",
        ])
    }

    @Test func aFileInAnotherEncodingNamesTheColumnAndTheSetting() {
        let bytes = ImportLanguageTests.singleByte("Period,Country,Requests\n2013 H1,Côte d'Ivoire,7\n", dash: 0x96)
        #expect(diagnostics("", bytes: bytes) == [
            "f.csv:2:9: error: column 'Country': the text is not valid UTF-8; if the file is in another encoding, name it in the mapping: encoding: utf-16, encoding: windows-1252, encoding: latin-1",
            "f.csv:2:9: error: column 'Country': unknown jurisdiction 'C\u{FFFD}te d'Ivoire'; add it under 'jurisdiction_names' in a mapping",
        ])
    }

    @Test func anUnknownProcessListsTheVocabulary() {
        let mapping = ImportLanguageTests.mapping(period: "{column: Period, format: half-year}", extra: "process: {column: Kind, values: {Warrant: search-warrant}}")
        #expect(diagnostics("Period,Country,Kind,Requests\n2013 H1,Germany,Subpoenas,5\n2013 H1,France,Subpoenas,6\n", mapping) == [
            "f.csv:2:17: error: column 'Kind': the legal process 'Subpoenas' is not in the mapping's 'values'; map it there to one of all, legal-process, subpoena, search-warrant, court-order, pen-register, wiretap, emergency, preservation, mlat, nsl, fisa-content, fisa-non-content, national-security, other (did you mean 'subpoena'?), or give 'other' (in 2 rows: lines 2, 3)",
        ])
    }

    @Test func aBarePercentageSuggestsTheSetting() {
        let mapping = ImportLanguageTests.mapping(period: "{column: Period, format: half-year}", extra: "  - {measure: percent-with-data, column: Share}")
        #expect(diagnostics("Period,Country,Requests,Share\n2013 H1,Germany,5,0%\n2013 H1,France,6,0\n", mapping) == [
            "f.csv:3:18: error: column 'Share': '0' is not a percentage such as 84%, but this measure is a percentage; if this column writes percentages without '%' (0 for 0%), set 'bare_percentage: true' on its measure",
        ])
    }

    @Test func aFootnoteMarkSuggestsTheSetting() {
        #expect(diagnostics("Period,Country,Requests\n2013 H1,Germany,12*\n") == [
            "f.csv:2:17: error: column 'Requests': malformed count '12*': expected a number (7458 or 7,458), a range (0-499), <N, or - for not reported; if '*' marks a footnote, give its meaning under 'footnotes' in the mapping",
        ])
    }

    @Test func aHeaderOfOneFieldNamesTheDelimiter() {
        let mapping = Self.halfYear + "\ndelimiter: comma"
        #expect(diagnostics("Period;Country;Requests\n2013 H1;Germany;5\n", mapping) == [
            "f.csv:1:1: error: the header has no column 'Country'; the header is one field when read with the delimiter ',': if the file uses another, set 'delimiter: comma', 'semicolon' or 'tab' (mapping 'Test')",
            "f.csv:1:1: error: the header has no column 'Period'; the header is one field when read with the delimiter ',': if the file uses another, set 'delimiter: comma', 'semicolon' or 'tab' (mapping 'Test')",
            "f.csv:1:1: error: the header has no column 'Requests'; the header is one field when read with the delimiter ',': if the file uses another, set 'delimiter: comma', 'semicolon' or 'tab' (mapping 'Test')",
        ])
        #expect(diagnostics("Period,Country,Requests\n2013 H1,Germany;5\n") == [
            "f.csv:2:1: error: expected 3 fields as in the header (separated by ','), found 2",
        ])
    }

    @Test func aUTF16SettingWithoutAByteOrderMarkIsRefused() {
        #expect(diagnostics("Period,Country,Requests\n", Self.halfYear + "\nencoding: utf-16") == [
            "f.csv:1:1: error: a UTF-16 file must start with a byte order mark (FF FE or FE FF); save it as UTF-8 or as UTF-16 with one",
        ])
    }

    @Test func mappingSettingsOutsideTheirVocabularyListIt() {
        let mapping = Self.halfYear + "\nencoding: cp1252\ndelimiter: pipe\nblank: empty"
        #expect(diagnostics("Period,Country,Requests\n", mapping) == [
            "f.csv.mapping:7:11: error: unknown encoding 'cp1252': use utf-8, utf-16, windows-1252, latin-1",
            "f.csv.mapping:8:12: error: unknown delimiter 'pipe': use comma, semicolon, tab",
            "f.csv.mapping:9:8: error: unknown 'blank' value 'empty': use not-reported (the default) or absent",
        ])
    }

    @Test func aFileNameWithoutItsPeriodIsOneError() {
        let mapping = ImportLanguageTests.mapping(period: "{from: file-name, format: half-year, pattern: 'report_(\\d{4}_H[12])'}")
        #expect(ImportLanguageTests.read(Array("Country,Requests\nGermany,5\n".utf8), mapping, path: "report.csv").diagnostics == [
            "report.csv:1:1: error: the file's name doesn't match the mapping's pattern 'report_(\\d{4}_H[12])' (it reads the period from the name)",
        ])
    }

    /// A repeated header row: each column's problem is its own error, and an unknown name is
    /// one error with every row it is in.
    @Test func differentColumnsStayApartAndEveryRowIsCounted() {
        let mapping = Self.halfYear + "\n  - {measure: accounts, column: Accounts}"
        let text = "Period,Country,Requests,Accounts\n2013 H1,Atlantis,5,6\n2013 H1,Germany,Requests,Accounts\n2013 H1,Atlantis,7,8\n"
        #expect(diagnostics(text, mapping) == [
            "f.csv:2:9: error: column 'Country': unknown jurisdiction 'Atlantis'; add it under 'jurisdiction_names' in a mapping (in 2 rows: lines 2, 4)",
            "f.csv:3:17: error: column 'Requests': malformed count 'Requests': expected a number (7458 or 7,458), a range (0-499), <N, or - for not reported",
            "f.csv:3:26: error: column 'Accounts': malformed count 'Accounts': expected a number (7458 or 7,458), a range (0-499), <N, or - for not reported",
        ])
    }

    @Test func aFootnoteMarkThatCouldBePartOfAValueIsRefused() {
        #expect(diagnostics("Period,Country,Requests\n", Self.halfYear + "\nfootnotes: {\"1\": One., \"%\": Share., \"*\": Fine.}") == [
            "f.csv.mapping:7:12: error: '%' can't be a footnote mark: it could be part of a value; use a symbol such as *, † or (a)",
            "f.csv.mapping:7:12: error: '1' can't be a footnote mark: it could be part of a value; use a symbol such as *, † or (a)",
        ])
    }
}
