import SwiftCSV
import Testing
@testable import TransparencyLoader

@Suite struct CSVReaderTests {
    func records(_ text: String) -> ([CSVReader.Record], [CSVReader.Problem]) {
        var iterator = CSVReader(text: text).makeIterator()
        var records: [CSVReader.Record] = []
        while let record = iterator.next() { records.append(record) }
        return (records, iterator.problems)
    }

    @Test func quotedFieldsLinesAndColumns() {
        let (records, problems) = records("\u{FEFF}a,b\r\n\"x, \"\"y\"\"\",z\n\nü,\"multi\nline\",end\n")
        #expect(problems.isEmpty)
        #expect(records.map(\.fields) == [["a", "b"], ["x, \"y\"", "z"], ["ü", "multi\nline", "end"]])
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[1].columns == [1, 12])
        #expect(records[2].columns == [1, 3, 7])
    }

    @Test func problemsAreLocated() {
        let (records, problems) = records("a,b\"c\n\"x\"y,z\n\"open,\n")
        #expect(records.count == 3)
        #expect(problems == [
            CSVReader.Problem(line: 1, column: 4, message: "a quote inside an unquoted field; quote the whole field and double the quote"),
            CSVReader.Problem(line: 2, column: 4, message: "text after the closing quote of a field"),
            CSVReader.Problem(line: 3, column: 1, message: "this quoted field is never closed"),
        ])
    }

    @Test func spacesAreKeptAsPublished() {
        #expect(records("a, -,\" b \"\n").0.map(\.fields) == [["a", " -", " b "]])
    }

    /// Property: on well-formed files, the reader finds the same records as SwiftCSV.
    @Test func agreesWithSwiftCSV() throws {
        var generator = SeededGenerator(seed: 7)
        // SwiftCSV drops spaces at the start of an unquoted field, which RFC 4180 keeps (and
        // Apple's files hold, as " -"), so no generated field starts with one.
        let pieces = ["a", "b c", "1,234", "\"q\"", "x\ny", "é", "0 - 249", "-", ""]
        for _ in 0..<300 {
            let width = Int.random(in: 1...5, using: &generator)
            var rows: [[String]] = []
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                rows.append((0..<width).map { _ in
                    (0..<Int.random(in: 1...3, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
                })
            }
            // Every row has a non-empty first field, so no line is blank.
            rows = rows.map { ["r"] + $0 }
            let lineEnd = Bool.random(using: &generator) ? "\r\n" : "\n"
            let text = rows.map { row in
                row.map { field in
                    field.contains(where: { ",\"\n".contains($0) }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
                }.joined(separator: ",")
            }.joined(separator: lineEnd) + lineEnd
            let oracle = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
            let (records, problems) = records(text)
            #expect(problems.isEmpty)
            #expect(records.map(\.fields) == [oracle.header] + oracle.rows, "\(text.debugDescription)")
        }
    }
}
