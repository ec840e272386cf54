import Foundation
import Testing
@testable import TransparencyLoader
import TransparencyModel

/// The requests file reader gives back the figures a file was written from, however the file
/// is laid out: columns in any order, rows in any order, quoted fields, CRLF, blank lines.
@Suite struct RequestsFileParserTests {
    static let columns = ["period", "jurisdiction", "process", "published_as", "subject", "measure", "value", "regime", "sources"]

    /// A random set of distinct figures.
    static func figures(_ random: inout SeededGenerator) -> [RequestFigure] {
        var figures: [RequestFigure] = [], keys = Set<RequestFigure.Key>()
        for _ in 0..<Int.random(in: 1...300, using: &random) {
            let measure = Measure.allCases.randomElement(using: &random)!
            let count: Count = [.exact(Int.random(in: 0...99_999, using: &random)), .range(minimum: 0, maximum: 499), .notReported]
                .randomElement(using: &random)!
            let figure = RequestFigure(
                company: "acme", period: [.halfYear(year: 2013, half: 1), .halfYear(year: 2013, half: 2), .year(2014)].randomElement(using: &random)!,
                jurisdiction: [Jurisdiction(code: "US")!, Jurisdiction(code: "DE")!, .world].randomElement(using: &random)!,
                process: LegalProcess.allCases.randomElement(using: &random)!,
                publishedAs: [nil, "Emergency, other", "Legal \"requests\""].randomElement(using: &random)!,
                subject: RequestSubject.allCases.randomElement(using: &random)!, measure: measure,
                value: measure.isPercentage ? .percentage(Double(Int.random(in: 0...100, using: &random))) : .count(count),
                regime: [nil, BandRegime.combined1000].randomElement(using: &random)!,
                sources: [["s1"], ["s1", "s2"]].randomElement(using: &random)!)
            if keys.insert(figure.key).inserted { figures.append(figure) }
        }
        return figures
    }

    static func field(_ figure: RequestFigure, _ column: String) -> String {
        switch column {
        case "period": figure.period.description
        case "jurisdiction": figure.jurisdiction.code
        case "process": figure.process.rawValue
        case "published_as": figure.publishedAs ?? ""
        case "subject": figure.subject.rawValue
        case "measure": figure.measure.rawValue
        case "value": figure.value.description
        case "regime": figure.regime?.rawValue ?? ""
        default: figure.sources.map(\.rawValue).joined(separator: ";")
        }
    }

    @Test func filesGiveBackTheirFiguresInKeyOrder() {
        var random = SeededGenerator(seed: 5)
        for _ in 0..<200 {
            let figures = Self.figures(&random)
            let columns = Self.columns.shuffled(using: &random)
            let breakLine = Bool.random(using: &random) ? "\r\n" : "\n"
            var text = columns.joined(separator: ",") + breakLine
            for figure in figures.shuffled(using: &random) {
                if Int.random(in: 0..<10, using: &random) == 0 { text += breakLine }
                text += columns.map { column in
                    let field = Self.field(figure, column)
                    let quoted = field.contains(",") || field.contains("\"") || Int.random(in: 0..<20, using: &random) == 0
                    return quoted ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
                }.joined(separator: ",") + breakLine
            }
            let log = DiagnosticLog()
            let parsed = RequestsFileParser.parse(Array(text.utf8), path: "r.csv", company: "acme", log: log)
            #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
            let expected = figures.sorted { $0.key < $1.key }
            #expect(parsed.figures == expected, "\(text)")
            #expect(Set(parsed.sources.map(\.id)) == Set(figures.flatMap(\.sources)))
        }
    }

    @Test func aRepeatedFigureIsReportedOnItsLine() {
        let text = "period,jurisdiction,process,measure,value,sources\n2013-H1,US,all,requests,5,s1\n2013-H1,DE,all,requests,5,s1\n2013-H1,US,all,requests,6,s1\n"
        let log = DiagnosticLog()
        _ = RequestsFileParser.parse(Array(text.utf8), path: "r.csv", company: "acme", log: log)
        #expect(log.diagnostics.map(\.description) == ["r.csv:4:1: error: this figure is already given on line 2; if the two are editions of one figure, give each its edition's date in an `edition` column"])
    }

    @Test func badFieldsAreReportedOnEveryRowWithTheirColumn() {
        let text = "period,jurisdiction,process,measure,value,sources\n2013-H3,US,all,requests,5,s1\n2013-H3,US,al,requests,x,s1\n"
        let log = DiagnosticLog()
        _ = RequestsFileParser.parse(Array(text.utf8), path: "r.csv", company: "acme", log: log)
        #expect(log.diagnostics.map(\.description) == [
            "r.csv:2:1: error: malformed period '2013-H3': expected 2013-H1, 2013 or 2012-12-01..2013-05-31",
            "r.csv:3:1: error: malformed period '2013-H3': expected 2013-H1, 2013 or 2012-12-01..2013-05-31",
            "r.csv:3:12: error: unknown legal process 'al'; did you mean 'all'?",
            "r.csv:3:24: error: malformed count 'x': expected a number (7458 or 7,458), a range (0-499), <N, or - for not reported",
        ])
    }
}
