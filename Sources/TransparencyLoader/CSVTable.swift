/// Rows of a CSV file, with locations for diagnostics.
package enum CSVTable {
    /// One data row, with where each field starts in the file.
    package struct Row {
        package let fields: [String]
        package let path: String
        package let record: CSVReader.Record

        package init(fields: [String], path: String, record: CSVReader.Record) {
            self.fields = fields
            self.path = path
            self.record = record
        }

        package func location(ofField index: Int) -> SourceLocation {
            SourceLocation(path: path, line: record.line, column: record.column(index))
        }
    }
}
