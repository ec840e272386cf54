/// A whole CSV file: its header and its records, with locations for diagnostics.
package struct CSVTable {
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

        package var line: Int { record.line }

        package func location(ofField index: Int) -> SourceLocation {
            SourceLocation(path: path, line: record.line, column: record.column(index))
        }
    }

    package let header: [String]
    package let rows: [Row]
    /// Malformed quoting and the like, located; the rows around them are still read.
    package let problems: [Diagnostic]

    package init(text: String, path: String) {
        self.init(bytes: Array(text.utf8), path: path)
    }

    package init(bytes: [UInt8], path: String) {
        var iterator = CSVReader(bytes: bytes).makeIterator()
        header = iterator.next()?.fields ?? []
        var rows: [Row] = []
        while let record = iterator.next() {
            rows.append(Row(fields: record.fields, path: path, record: record))
        }
        self.rows = rows
        problems = iterator.problems.map {
            Diagnostic(SourceLocation(path: path, line: $0.line, column: $0.column), "CSV syntax: \($0.message)")
        }
    }
}
