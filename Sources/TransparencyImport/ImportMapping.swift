import TransparencyModel

/// How to read one publisher's CSV format: which column holds the period, the jurisdiction, the
/// legal process and each measure, and how values are written. Read from a YAML mapping file, so
/// a new format needs no code; the Google and Apple formats are mappings too.
public struct ImportMapping: Sendable {
    /// How the period of a row is written.
    public enum PeriodRule: Sendable {
        /// The period's last day (`2013-06-30` → 2013-H1; `2013-12-31` → 2013-H2), written in
        /// `format` (`yyyy-mm-dd`, `d/m/yy`…).
        case endDate(column: String, format: String)
        /// A half-year or months of one year: `2013 H1`, `H1 2013`, `1H 2013`,
        /// `2009 (2nd half)`, `January - June 2017`, `Jan–Jun 2017`.
        case halfYear(column: String)
        /// A year: `2013`.
        case year(column: String)
        /// First and last day in two columns, in `format` (`yyyy-mm-dd`, `m/d/yy`, `d/m/yyyy`…).
        case dates(start: String, end: String, format: String)
        /// A half-year written in the file's name (`…-2019_H2.csv`, `report 2019-H2.csv`), for
        /// publishers that give the period nowhere else; with a pattern, the text its first
        /// capture group finds in the name, read as a half-year or months of one year.
        case fileName(pattern: FileNamePattern?)
        /// One period for every row.
        case fixed(Period)
    }

    /// A regular expression whose first capture group is a file name's period.
    public struct FileNamePattern: @unchecked Sendable {
        public var source: String
        let regex: Regex<AnyRegexOutput>

        /// The text of the first capture group, or of the whole match without one.
        func match(_ name: String) -> String? {
            guard let match = try? regex.firstMatch(in: name) else { return nil }
            let output = match.output
            let captured = output.count > 1 ? output[1].substring : output[0].substring
            return captured.map(String.init)
        }
    }

    /// Rows are kept only where `column` holds one of `values` (a file of several companies).
    public struct RowFilter: Sendable {
        public var column: String
        public var values: Set<String>
    }

    /// How the jurisdiction of a row is written.
    public enum JurisdictionRule: Sendable {
        /// An ISO 3166-1 alpha-2 code, or else an English name from `nameColumn`.
        case code(column: String, nameColumn: String?)
        /// An English country name.
        case name(column: String)
        /// One jurisdiction for every row.
        case fixed(Jurisdiction)
    }

    /// How the legal process of a row is written.
    public enum ProcessRule: Sendable {
        /// The publisher's words in a column, mapped onto the vocabulary; `fallback` for words
        /// the mapping doesn't list (nil: such a row is an error).
        case column(String, values: [String: LegalProcess], fallback: LegalProcess?)
        case fixed(LegalProcess)
    }

    /// Where one measure's value is.
    public struct MeasureRule: Sendable {
        public var measure: Measure
        /// The column holding the value, or the columns of a range's bounds.
        public var column: String?
        public var minimumColumn: String?
        public var maximumColumn: String?
        /// For wide tables: the legal process of this column, overriding the row's.
        public var process: LegalProcess?
        /// For wide tables: the publisher's label of this column's category of its process
        /// (Meta's "Court Order (Other)"), so that categories of one process stay apart.
        public var label: String?
        /// The column may be missing from a file's header (a publisher's header variants).
        public var optional: Bool
        /// The column holds a bare number that is a percentage (`84` for 84%).
        public var bareNumberIsPercentage: Bool
        /// What an empty cell in this column means, overriding the mapping's `blank`.
        public var blankIsAbsent: Bool?

        /// Every column this rule reads.
        var columns: [String] { [column, minimumColumn, maximumColumn].compactMap { $0 } }
    }

    public var name: String
    /// The header that identifies the format, when it is detected automatically.
    public var header: [String]?
    /// Columns every header of the format has, for formats whose header changes between editions.
    public var headerColumns: [String]?
    /// Text the file name must contain (for formats that share a header).
    public var fileNameContains: String?
    public var period: PeriodRule
    public var jurisdiction: JurisdictionRule
    /// Extra country names for this publisher ("China mainland" → CN).
    public var jurisdictionNames: [String: Jurisdiction]
    public var process: ProcessRule
    public var subject: RequestSubject
    public var measures: [MeasureRule]
    /// Texts that mean "not reported" besides `-` and an empty cell.
    public var notReported: Set<String>
    /// Rows whose jurisdiction cell holds one of these are skipped (repeated headers, notes).
    public var skipJurisdictions: Set<String>
    /// Publisher labels renamed between editions, old to new ("Legal Requests" → "Other Legal
    /// Requests"), so that one figure keeps one key across editions.
    public var labelAliases: [String: String]
    /// An empty cell means the figure is absent (not given), rather than "not reported":
    /// for wide tables that leave the columns blank where a country has no such figure.
    public var blankIsAbsent: Bool
    /// Other names of a column in other editions of the format, keyed by the name the rules use.
    public var columnAlternatives: [String: [String]] = [:]
    /// Rows are read only where every filter holds.
    public var rowFilters: [RowFilter] = []
    /// Marks publishers put after a value (`1*`) and what each means; the mark is taken off the
    /// value and its meaning becomes the figure's note.
    public var footnotes: [String: String] = [:]
    /// The file's text encoding; nil: UTF-8, or UTF-16 where a byte order mark says so.
    var encoding: PublisherText.Encoding?
    /// The field delimiter; nil: detected from the header.
    var delimiter: PublisherText.Delimiter?
}
