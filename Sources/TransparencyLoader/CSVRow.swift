/// One data row of a CSV file, with where each field starts in the file, for diagnostics.
package struct CSVRow {
    package let path: String
    package let record: CSVReader.Record

    package init(path: String, record: CSVReader.Record) {
        self.path = path
        self.record = record
    }

    package var fields: [String] { record.fields }

    package func location(ofField index: Int) -> SourceLocation {
        SourceLocation(path: path, line: record.line, column: record.column(index))
    }
}
