import Foundation
import TransparencyLoader
import TransparencyModel

/// Applies an import mapping to one CSV file: every row becomes one figure per measure.
///
/// Each problem is reported at its row and column, naming the column; every row is read, so
/// one run reports every problem of the file.
struct TableImporter {
    let mapping: ImportMapping
    let company: CompanyID
    let sources: [SourceID]
    let log: DiagnosticLog

    /// Reads every record of `reader` (whose header has been read) into `output`.
    func run(_ reader: inout CSVReader.Iterator, header: [String], path: String, into output: inout ImportedFigures) {
        defer {
            for problem in reader.problems {
                log.error(SourceLocation(path: path, line: problem.line, column: problem.column), "CSV syntax: \(problem.message)")
            }
        }
        guard let columns = resolveColumns(header, path: path) else { return }
        let file = output.add(file: path)
        var periods: [String: Period?] = [:]
        var jurisdictions: [String: Jurisdiction?] = [:]
        while let record = reader.next() {
            let row = CSVRow(path: path, record: record)
            guard row.fields.count == header.count else {
                log.error(row.location(ofField: 0), "expected \(header.count) fields as in the header, found \(row.fields.count)")
                continue
            }
            if case .name(let column) = mapping.jurisdiction, let index = columns[column],
               mapping.skipJurisdictions.contains(row.fields[index]) { continue }
            let period = self.period(row, columns, cache: &periods)
            let jurisdiction = self.jurisdiction(row, columns, cache: &jurisdictions)
            let rowProcess = self.process(row, columns)
            for rule in mapping.measures {
                let process = rule.process ?? rowProcess?.process
                if rule.optional, !rule.columns.allSatisfy({ columns[$0] != nil }) { continue }
                if mapping.blankIsAbsent, rule.columns.contains(where: { columns[$0].map { row.fields[$0].trimmingSpaces.isEmpty } ?? false }) {
                    continue
                }
                guard let (value, column) = self.value(rule, row, columns) else { continue }
                guard let period, let jurisdiction, let process else { continue }
                let regime = value.count.flatMap { BandRegime.inferred(for: $0, process: process, jurisdiction: jurisdiction) }
                let figure = RequestFigure(
                    company: company, period: period, jurisdiction: jurisdiction, process: process,
                    publishedAs: rule.process == nil ? rowProcess?.words : rule.label.map { mapping.labelAliases[$0] ?? $0 }, subject: mapping.subject,
                    measure: rule.measure, value: value, regime: regime, sources: sources)
                output.append(figure, file: file, line: record.line, column: record.column(column))
            }
        }
    }

    /// Column positions by name; logs every column the mapping names that the header lacks.
    private func resolveColumns(_ header: [String], path: String) -> [String: Int]? {
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() where columns[name] == nil { columns[name] = index }
        var named: [String] = mapping.measures.filter { !$0.optional }.flatMap(\.columns)
        switch mapping.period {
        case .endDate(let column), .halfYear(let column), .year(let column): named.append(column)
        case .dates(let start, let end, _): named += [start, end]
        case .fileNameHalfYear: break
        }
        switch mapping.jurisdiction {
        case .code(let column, let nameColumn): named += [column] + (nameColumn.map { [$0] } ?? [])
        case .name(let column): named.append(column)
        case .fixed: break
        }
        if case .column(let column, _, _) = mapping.process { named.append(column) }
        let missing = named.filter { columns[$0] == nil }
        for column in Set(missing).sorted() {
            log.error(SourceLocation(path: path), "the header has no column '\(column)'\(Suggestion.hint(for: column, in: header)) (mapping '\(mapping.name)')")
        }
        return missing.isEmpty ? columns : nil
    }

    private func period(_ row: CSVRow, _ columns: [String: Int], cache: inout [String: Period?]) -> Period? {
        let column: String, text: String
        switch mapping.period {
        case .fileNameHalfYear:
            column = ""
            text = (row.path as NSString).lastPathComponent
        case .endDate(let name), .halfYear(let name), .year(let name):
            column = name
            text = field(row, columns, name)
        case .dates(let start, let end, _):
            column = start
            text = field(row, columns, start) + "\u{0}" + field(row, columns, end)
        }
        if let cached = cache[text] { return column.isEmpty ? cached : report(cached, row, columns, column, "period") }
        let period: Period?
        switch mapping.period {
        case .endDate:
            period = DataDate(parsing: text).flatMap { date -> Period? in
                switch (date.month, date.day) {
                case (6?, 30?): .halfYear(year: date.year, half: 1)
                case (12?, 31?): .halfYear(year: date.year, half: 2)
                default: nil
                }
            }
        case .halfYear: period = PeriodText.period(text)
        case .fileNameHalfYear: period = Self.halfYearInName(text)
        case .year: period = text.count == 4 ? DataDate(parsing: text).map { .year($0.year) } : nil
        case .dates(_, _, let format):
            let parts = text.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            if let from = DateText.parse(parts[0], format: format), let to = DateText.parse(parts[1], format: format), from <= to {
                period = Period(parsing: "\(from)..\(to)").map(PeriodText.simplified)
            } else {
                period = nil
            }
        }
        cache[text] = .some(period)
        return report(period, row, columns, column, "period")
    }

    private func report(_ period: Period?, _ row: CSVRow, _ columns: [String: Int], _ column: String, _ what: String) -> Period? {
        if period == nil, column.isEmpty {
            log.error(SourceLocation(path: row.path), "the file's name holds no half-year such as 2019_H2 or 2019-H2 (the mapping reads the period from it)")
        } else if period == nil {
            let index = columns[column] ?? 0
            let expected = switch mapping.period {
            case .endDate: "the last day of a half-year, 2013-06-30 or 2013-12-31"
            case .halfYear: "a half-year or months of one year: \(PeriodText.forms)"
            case .year: "a year, 2013"
            case .dates(_, _, let format): "a first and a last day written \(format)"
            case .fileNameHalfYear: "a half-year in the file's name"
            }
            log.error(row.location(ofField: index), "column '\(column)': cannot read the \(what) '\(row.fields[index])'; expected \(expected)")
        }
        return period
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

    private func jurisdiction(_ row: CSVRow, _ columns: [String: Int], cache: inout [String: Jurisdiction?]) -> Jurisdiction? {
        switch mapping.jurisdiction {
        case .fixed(let jurisdiction): return jurisdiction
        case .code(let column, let nameColumn):
            let code = field(row, columns, column)
            if let cached = cache[code], let found = cached { return found }
            if let found = Jurisdiction(code: code.uppercased()) {
                cache[code] = .some(found)
                return found
            }
            if let nameColumn, let found = named(field(row, columns, nameColumn)) { return found }
            log.error(row.location(ofField: columns[column] ?? 0), "column '\(column)': unknown jurisdiction '\(code)'")
            return nil
        case .name(let column):
            let name = field(row, columns, column)
            if let cached = cache[name] { return cached }
            let found = named(name)
            cache[name] = .some(found)
            if found == nil {
                log.error(row.location(ofField: columns[column] ?? 0), "column '\(column)': unknown jurisdiction '\(name)'; add it under 'jurisdiction_names' in a mapping")
            }
            return found
        }
    }

    private func named(_ name: String) -> Jurisdiction? {
        mapping.jurisdictionNames[name.lowercased()] ?? Jurisdiction(name: name)
    }

    private func process(_ row: CSVRow, _ columns: [String: Int]) -> (process: LegalProcess, words: String?)? {
        switch mapping.process {
        case .fixed(let process): return (process, nil)
        case .column(let column, let values, let fallback):
            let words = field(row, columns, column)
            if let process = values[words] ?? LegalProcess(rawValue: words) ?? fallback { return (process, mapping.labelAliases[words] ?? words) }
            log.error(row.location(ofField: columns[column] ?? 0), "column '\(column)': the legal process '\(words)' is not in the mapping's 'values'")
            return nil
        }
    }

    /// The value of one measure and the column it came from; nil (logged) when unreadable.
    private func value(_ rule: ImportMapping.MeasureRule, _ row: CSVRow, _ columns: [String: Int]) -> (FigureValue, Int)? {
        if let column = rule.column, let index = columns[column] {
            var text = row.fields[index]
            if !mapping.notReported.isEmpty, mapping.notReported.contains(text.trimmingSpaces) { text = "-" }
            if rule.bareNumberIsPercentage, let last = text.utf8.last, last != UInt8(ascii: "%"), text != "-",
               text.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                text += "%"
            }
            switch PublishedValueParser.value(text, for: rule.measure) {
            case .success(let value): return (value, index)
            case .failure(let problem):
                log.error(row.location(ofField: index), "column '\(column)': \(problem)")
                return nil
            }
        }
        guard let minimumColumn = rule.minimumColumn, let maximumColumn = rule.maximumColumn,
              let low = columns[minimumColumn], let high = columns[maximumColumn] else { return nil }
        switch PublishedValueParser.count("\(row.fields[low])-\(row.fields[high])") {
        case .success(let count): return (.count(count), low)
        case .failure(let problem):
            log.error(row.location(ofField: low), "columns '\(minimumColumn)' and '\(maximumColumn)': \(problem)")
            return nil
        }
    }

    private func field(_ row: CSVRow, _ columns: [String: Int], _ name: String) -> String {
        columns[name].map { row.fields[$0] } ?? ""
    }
}

extension FigureValue {
    /// The count, for counts.
    var count: Count? {
        if case .count(let count) = self { return count }
        return nil
    }
}
