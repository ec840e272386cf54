import SwiftCSV

/// A CSV file read by SwiftCSV, with each row's line and each field's column recovered so that
/// problems can be reported as `path:line:column`.
struct CSVTable {
    /// One data row, with where it starts in the file.
    struct Row {
        let fields: [String]
        let path: String
        let line: Int
        /// 1-based columns (in Unicode scalars) where each field starts on `line`.
        let columns: [Int]

        func location(ofField index: Int) -> SourceLocation {
            SourceLocation(path: path, line: line, column: index < columns.count ? columns[index] : 1)
        }
    }

    let header: [String]
    let rows: [Row]

    /// Parses `text`; blank lines are skipped. Throws SwiftCSV's error on malformed quoting.
    init(text: String, path: String) throws {
        let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        header = csv.header
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var line = 2 + Self.lineBreaks(in: header)
        var rows: [Row] = []
        for fields in csv.rows {
            if fields.allSatisfy(\.isEmpty) {
                line += 1
                continue
            }
            let raw = line <= lines.count ? lines[line - 1] : ""
            rows.append(Row(fields: fields, path: path, line: line, columns: Self.columns(of: fields, in: raw)))
            line += 1 + Self.lineBreaks(in: fields)
        }
        self.rows = rows
    }

    private static func lineBreaks(in fields: [String]) -> Int {
        fields.reduce(0) { total, field in total + field.reduce(0) { $0 + ($1.isNewline ? 1 : 0) } }
    }

    /// Where each field starts in the raw line, allowing for quoted fields and doubled quotes.
    private static func columns(of fields: [String], in raw: Substring) -> [Int] {
        let scalars = Array(raw.unicodeScalars)
        var columns: [Int] = []
        var position = 0
        for field in fields {
            columns.append(position + 1)
            let width = field.unicodeScalars.count
            if position < scalars.count, scalars[position] == "\"" {
                position += width + field.unicodeScalars.filter { $0 == "\"" }.count + 2
            } else {
                position += width
            }
            position += 1
        }
        return columns
    }
}
