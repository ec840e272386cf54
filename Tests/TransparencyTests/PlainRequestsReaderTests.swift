import Foundation
import Testing
@testable import TransparencyLoader
import TransparencyImport

/// The quick reader of plain requests files gives exactly what the full parser gives, and gives
/// up wherever the full parser reports a problem.
@Suite struct PlainRequestsReaderTests {
    struct Generator {
        var state: UInt64
        /// Whether this file may hold bad values.
        var badValues = false
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        mutating func pick(_ values: [String]) -> String { values[next(values.count)] }
        /// Mostly good values, sometimes a bad one.
        mutating func field(_ good: [String], _ bad: [String]) -> String { badValues && !bad.isEmpty && next(40) == 0 ? pick(bad) : pick(good) }
    }

    /// A generated requests file: columns in any order, optional ones or not, repeated and
    /// varying values, and now and then something the full parser rejects or reads its own way.
    static func file(_ generator: inout Generator) -> String {
        generator.badValues = generator.next(2) == 0
        var columns = RequestsFileParser.requiredColumns + RequestsFileParser.optionalColumns.filter { _ in generator.next(2) == 0 }
        for index in columns.indices.reversed() { columns.swapAt(index, generator.next(index + 1)) }
        var text = columns.joined(separator: ",") + "\n"
        let rows = generator.next(60)
        var row: [String: String] = [:]
        for _ in 0..<rows {
            // Each field often stays as it was on the row before, as in real files.
            func set(_ name: String, _ value: @autoclosure () -> String) {
                if row[name] == nil || generator.next(3) == 0 { row[name] = value() }
            }
            set("period", generator.field(["2013-H1", "2013-H2", "2014", "2012-12-01..2013-05-31"], ["2013-H3", "13-H1", ""]))
            set("jurisdiction", generator.field(["US", "GB", "WORLD", "DE"], ["XX", "us", ""]))
            set("process", generator.field(["subpoena", "search-warrant", "nsl", "all", "preservation"], ["Subpoena", ""]))
            set("measure", generator.field(["requests", "accounts", "percent-with-data", "rejected"], ["Requests", ""]))
            row["value"] = row["measure"] == "percent-with-data"
                ? generator.field(["84%", "12.5%", "-", ""], ["84", "120%"])
                : generator.field(["7458", "0", "0-499", "<10", "-", "", "1000-1999", " 12", "000123"], ["abc", "10-5", "84%", "1,23"])
            set("sources", generator.field(["report-a", "report-a;report-b", " report-b ; report-c ", "report-c;"], ["", "Bad_Id", ";"]))
            set("published_as", generator.field(["", "Other Court Orders", "Überwachung", "=cmd"], []))
            set("subject", generator.field(["", "accounts", "devices"], ["people"]))
            set("regime", generator.field(["", "separate-500", "combined-250"], ["bands"]))
            if generator.next(30) == 0 { text += "\n" }
            text += columns.map { row[$0] ?? "" }.joined(separator: ",") + "\n"
        }
        switch generator.next(generator.badValues ? 8 : 30) {
        case 0: text += "2013-H1,\"quoted\"\n"
        case 1: text = text.replacingOccurrences(of: "\n", with: "\r\n")
        case 2: text += "too,few\n"
        case 3: if text.hasSuffix("\n") { text.removeLast() }
        default: break
        }
        return text
    }

    @Test func givesWhatTheFullParserGives() {
        var generator = Generator(state: 42)
        var plainCount = 0, rejectedCount = 0, sortedCount = 0
        let company = CompanyID("acme")
        for _ in 0..<600 {
            let text = Self.file(&generator)
            let bytes = Array(text.utf8)
            let log = DiagnosticLog()
            let table = CSVTable(bytes: bytes, path: "r.csv")
            for problem in table.problems { log.error(problem.location, problem.message) }
            let parsed = RequestsFileParser.parse(table, path: "r.csv", company: company, log: log)
            let errors = log.diagnostics.filter { $0.severity == .error && !$0.message.contains("is already given on line") }
            // Read in parts at once (each from the line after its share), the same.
            let inParts = [2, 3, 5].map { PlainRequestsReader.read(bytes, company: company, parts: $0, minimumPartBytes: 1) }
            guard let plain = PlainRequestsReader.read(bytes, company: company) else {
                for split in inParts { #expect(split == nil, "read in parts only:\n\(text)") }
                rejectedCount += 1
                continue
            }
            for split in inParts {
                #expect(split?.figures == plain.figures, "different figures in parts from:\n\(text)")
                #expect(split?.inKeyOrder == plain.inKeyOrder, "key order misjudged in parts of:\n\(text)")
                #expect(split?.sources.map { "\($0.id)@\($0.line):\($0.column)" } == plain.sources.map { "\($0.id)@\($0.line):\($0.column)" })
            }
            plainCount += 1
            #expect(errors.isEmpty, "the quick reader read a file the full parser rejects:\n\(text)")
            guard log.diagnostics.isEmpty else { continue }  // Duplicates: the loader hands these to the full parser.
            #expect(plain.figures == parsed.map(\.figure), "different figures from:\n\(text)")
            #expect(plain.inKeyOrder == Self.inKeyOrder(plain.figures), "key order misjudged in:\n\(text)")
            // The same figures as the importer writes them: in key order, which the reader must see.
            if !plain.figures.isEmpty, let sorted = PlainRequestsReader.read(RequestsFileWriter.csv(plain.figures), company: company) {
                sortedCount += 1
                #expect(sorted.inKeyOrder && Self.inKeyOrder(sorted.figures))
            }
            var seen = Set<SourceID>()
            var expected: [(SourceID, Int, Int)] = []
            for item in parsed {
                for source in item.figure.sources where seen.insert(source).inserted {
                    expected.append((source, item.row.line, item.row.record.column(item.sourcesColumn)))
                }
            }
            #expect(plain.sources.map { "\($0.id)@\($0.line):\($0.column)" } == expected.map { "\($0.0)@\($0.1):\($0.2)" })
        }
        // Both kinds of file came up often enough to mean something.
        #expect(plainCount > 100)
        #expect(rejectedCount > 100)
        #expect(sortedCount > 10)
    }

    /// Whether each figure's key comes after the one before.
    static func inKeyOrder(_ figures: [RequestFigure]) -> Bool {
        zip(figures, figures.dropFirst()).allSatisfy { $0.keyPrecedes($1) }
    }

    /// Figures put in key order in place end where gathering them by the order puts them.
    @Test func permutingInPlaceGathers() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 3, 10, 257] {
            let figures = (0..<count).map { index in
                RequestFigure(
                    company: "c", period: .year(2000 + index), jurisdiction: .world, process: .subpoena,
                    measure: .requests, value: .count(.exact(index)), sources: [SourceID("s\(index % 3)")])
            }
            let order = Array(figures.indices).shuffled(using: &generator)
            var permuted = figures
            RequestsLoader.permute(&permuted, into: order)
            #expect(permuted == order.map { figures[$0] })
        }
    }
}

