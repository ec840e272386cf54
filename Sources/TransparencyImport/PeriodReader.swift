import Foundation
import TransparencyLoader
import TransparencyModel

/// Reads the period of each row as a mapping says: from a column, two columns, the file's name,
/// or one fixed period. Texts are read once each; problems go to `RowProblems`, one per column.
struct PeriodReader {
    let rule: ImportMapping.PeriodRule
    /// The columns the rule reads.
    let columns: [String]
    private var cache: [String: Period?] = [:]

    init(_ rule: ImportMapping.PeriodRule) {
        self.rule = rule
        switch rule {
        case .endDate(let column, _), .halfYear(let column), .year(let column): columns = [column]
        case .dates(let start, let end, _): columns = [start, end]
        case .fileName, .fixed: columns = []
        }
    }

    /// The period of every row of the file at `path`, when the rule takes it from the file's name
    /// or fixes it; nil (logged) when the name holds none. Not called for column rules.
    func filePeriod(_ path: String, log: DiagnosticLog) -> Period? {
        let name = (path as NSString).lastPathComponent
        switch rule {
        case .fixed(let period): return period
        case .fileName(let pattern):
            guard let pattern else {
                if let period = Self.halfYearInName(name) { return period }
                log.error(SourceLocation(path: path), "the file's name holds no half-year such as 2019_H2 or 2019-H2 (the mapping reads the period from it)")
                return nil
            }
            guard let text = pattern.match(name) else {
                log.error(SourceLocation(path: path), "the file's name doesn't match the mapping's pattern '\(pattern.source)' (it reads the period from the name)")
                return nil
            }
            if let period = PeriodText.period(text.replacingOccurrences(of: "_", with: " ")) { return period }
            log.error(SourceLocation(path: path), "cannot read the period '\(text)' that the pattern '\(pattern.source)' finds in the file's name; expected \(PeriodText.forms)")
        default: return nil
        }
        return nil
    }

    /// The period of a row, from its columns.
    mutating func period(_ row: CSVRow, _ columns: [String: Int], problems: RowProblems) -> Period? {
        let names = self.columns
        guard let first = names.first, let index = columns[first] else { return nil }
        let text = names.count == 1 ? row.fields[index] : names.map { columns[$0].map { row.fields[$0] } ?? "" }.joined(separator: "\u{0}")
        let period: Period?
        if let cached = cache[text] {
            period = cached
        } else {
            period = read(text)
            cache[text] = .some(period)
        }
        if period == nil {
            let shown = text.replacingOccurrences(of: "\u{0}", with: "' to '")
            problems.error(row.location(ofField: index), "column '\(first)': cannot read the period '\(shown)'; expected \(expected)", value: "'\(shown)'")
        }
        return period
    }

    private func read(_ text: String) -> Period? {
        switch rule {
        case .endDate(_, let format):
            return DateText.parse(text, format: format).flatMap { date -> Period? in
                switch (date.month, date.day) {
                case (6?, 30?): .halfYear(year: date.year, half: 1)
                case (12?, 31?): .halfYear(year: date.year, half: 2)
                default: nil
                }
            }
        case .halfYear: return PeriodText.period(text)
        case .year:
            let trimmed = text.trimmingSpaces
            return trimmed.utf8.count == 4 ? DataDate(parsing: trimmed).map { .year($0.year) } : nil
        case .dates(_, _, let format):
            let parts = text.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, let from = DateText.parse(parts[0], format: format), let to = DateText.parse(parts[1], format: format),
                  from <= to else { return nil }
            return Period(parsing: "\(from)..\(to)").map(PeriodText.simplified)
        case .fileName, .fixed: return nil
        }
    }

    private var expected: String {
        switch rule {
        case .endDate(_, let format): "the last day of a half-year written \(format), such as \(DateText.example(format))"
        case .halfYear: "a half-year or months of one year: \(PeriodText.forms)"
        case .year: "a year, such as 2013"
        case .dates(_, _, let format): "a first and a last day written \(format), such as \(DateText.example(format))"
        case .fileName, .fixed: "a period"
        }
    }

    /// The half-year a file's name holds: four digits, then `H1` or `H2`, maybe after one `_`,
    /// `-` or space (`…Report-2019_H2.csv`).
    static func halfYearInName(_ name: String) -> Period? {
        let bytes = Array(name.utf8)
        for start in bytes.indices where start + 6 <= bytes.count {
            guard bytes[start..<(start + 4)].allSatisfy({ (48...57).contains($0) }),
                  start == 0 || !(48...57).contains(bytes[start - 1]) else { continue }
            var position = start + 4
            if [UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: " ")].contains(bytes[position]) { position += 1 }
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "H"),
                  bytes[position + 1] == UInt8(ascii: "1") || bytes[position + 1] == UInt8(ascii: "2"),
                  position + 2 == bytes.count || !(48...57).contains(bytes[position + 2]),
                  let year = Int(String(decoding: bytes[start..<(start + 4)], as: UTF8.self)) else { continue }
            return .halfYear(year: year, half: bytes[position + 1] == UInt8(ascii: "1") ? 1 : 2)
        }
        return nil
    }
}
