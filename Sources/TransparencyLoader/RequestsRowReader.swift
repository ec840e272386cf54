import Foundation
import TransparencyModel

extension RequestsFileParser {
    /// Reads one row at a time into a figure, keeping the values of the row before: a field
    /// whose bytes are the same as that row's gives the same value, read once. A value that
    /// could not be read is read (and reported) again on every row.
    struct RowReader {
        /// The file, which outlives the reader.
        let bytes: UnsafeBufferPointer<UInt8>
        let path: String
        let columns: Columns
        let company: CompanyID
        let log: DiagnosticLog
        /// This row's fields as byte ranges (a row without quotes), one slot per column, and
        /// the row before's, when it had the right number of fields.
        var ranges: [Range<Int>]
        private var previous: [Range<Int>]
        private var previousKept = false
        /// A row with quotes, its fields decoded.
        private var record: CSVReader.Record?
        private var line = 0, start = 0, fields = 0
        /// The values of the row before.
        private var period: Period?, jurisdiction: Jurisdiction?, process: LegalProcess?, measure: Measure?
        private var publishedAs: String?, subject: RequestSubject? = .accounts, regime: BandRegime??, edition: DataDate??, note: String?
        /// The sources of the row last read.
        private(set) var sources: [SourceID] = []
        /// The legal processes of the last rows, by their fields: rows often take turns among a few.
        private var processes: [(field: Range<Int>, process: LegalProcess)] = []

        init(bytes: UnsafeBufferPointer<UInt8>, path: String, columns: Columns, company: CompanyID, log: DiagnosticLog) {
            (self.bytes, self.path, self.columns, self.company, self.log) = (bytes, path, columns, company, log)
            ranges = Array(repeating: 0..<0, count: columns.count)
            previous = ranges
        }

        mutating func begin(line: Int, start: Int, fields: Int, record: CSVReader.Record?) {
            (self.line, self.start, self.fields, self.record) = (line, start, fields, record)
        }

        var fieldCount: Int { record?.fields.count ?? fields }

        /// Ends a row: the next compares its fields with this one's, or, without `keeping` (a
        /// row of the wrong length) or for a row with quotes, reads them all.
        mutating func finish(keeping: Bool = true) {
            previousKept = keeping && record == nil
            record = nil
            swap(&ranges, &previous)
        }

        /// Adds this row's figure to `figures` and returns how its key compares with the row
        /// before's; nil (reported) when a field can't be read.
        mutating func figure(into figures: inout [RequestFigure]) -> KeyOrder? {
            // The first row comes after nothing; a later one as the first part of its key that
            // differs says.
            var order: KeyOrder = period == nil && jurisdiction == nil ? .after : .same
            if !same(columns.period) || period == nil {
                let text = text(columns.period)
                let value = Period(parsing: text)
                if let value { order = order.then(period, value) } else {
                    report(columns.period, "malformed period '\(text)': expected 2013-H1, 2013 or 2012-12-01..2013-05-31")
                }
                period = value
            }
            if !same(columns.jurisdiction) || jurisdiction == nil {
                // Read from the field's bytes: no text is made unless it must be reported.
                let value = record == nil
                    ? Jurisdiction(utf8: UnsafeBufferPointer(rebasing: bytes[ranges[columns.jurisdiction]]))
                    : Jurisdiction(code: text(columns.jurisdiction))
                if let value { order = order.then(jurisdiction, value) } else {
                    report(
                        columns.jurisdiction,
                        "unknown jurisdiction '\(text(columns.jurisdiction))': expected an ISO 3166-1 alpha-2 code such as US, or WORLD")
                }
                jurisdiction = value
            }
            if let known = recentProcess() {
                order = order.then(process, known)
                process = known
            } else {
                let value: LegalProcess? = vocabulary(columns.process, "legal process")
                if let value {
                    order = order.then(process, value)
                    if record == nil { processes = processes.suffix(15) + [(ranges[columns.process], value)] }
                }
                process = value
            }
            if let column = columns.publishedAs, !same(column) {
                let text = text(column)
                order = order.then(publishedAs ?? "", text)
                publishedAs = text.isEmpty ? nil : text
            }
            if let column = columns.subject, !same(column) || subject == nil {
                let value: RequestSubject? = text(column).isEmpty ? .accounts : vocabulary(column, "subject")
                if let value { order = order.then(subject, value) }
                subject = value
            }
            if !same(columns.measure) || measure == nil {
                let value: Measure? = vocabulary(columns.measure, "measure")
                if let value { order = order.then(measure, value) }
                measure = value
            }
            if let column = columns.regime, !same(column) || regime == nil {
                regime = text(column).isEmpty ? .some(nil) : (vocabulary(column, "band regime") as BandRegime?).map { .some($0) }
            }
            if let column = columns.edition, !same(column) || edition == nil {
                let text = text(column)
                if text.isEmpty {
                    edition = .some(nil)
                } else if let date = DataDate(parsing: text) {
                    edition = .some(date)
                } else {
                    edition = nil
                    report(column, "malformed edition date '\(text)': expected the date the edition was published, such as 2014-02-03")
                }
            }
            if let column = columns.note, !same(column) {
                let text = text(column).trimmingSpaces
                note = text.isEmpty ? nil : text
            }
            if !same(columns.sources) || sources.isEmpty { sources = sourceIDs(columns.sources) }
            guard let measure else { return nil }
            let number = measure.isPercentage ? nil : digits(columns.value)
            guard let value = number.map({ FigureValue.count(.exact($0)) }) ?? value(measure),
                  let period, let jurisdiction, let process, let subject, columns.regime == nil || regime != nil,
                  columns.edition == nil || edition != nil,
                  !sources.isEmpty else { return nil }
            figures.append(RequestFigure(
                company: company, period: period, jurisdiction: jurisdiction, process: process, publishedAs: publishedAs,
                subject: subject, measure: measure, value: value, regime: regime ?? nil, sources: sources, edition: edition ?? nil,
                note: note))
            return order
        }

        /// The value field as a figure of `measure` (after `digits`, the common case, found none).
        private func value(_ measure: Measure) -> FigureValue? {
            switch PublishedValueParser.value(text(columns.value), for: measure) {
            case .success(let parsed): return parsed
            case .failure(let problem):
                report(columns.value, problem.description)
                return nil
            }
        }

        /// Whether field `column` has the bytes it had in the row before.
        @inline(__always)
        private func same(_ column: Int) -> Bool {
            guard record == nil, previousKept, let base = bytes.baseAddress else { return false }
            let now = ranges[column], before = previous[column]
            return now.count == before.count && memcmp(base + now.lowerBound, base + before.lowerBound, now.count) == 0
        }

        /// Field `column`'s text; invalid UTF-8 is reported and replaced.
        private func text(_ column: Int) -> String {
            if let record { return record.fields[column] }
            let field = UnsafeBufferPointer(rebasing: bytes[ranges[column]])
            // ASCII, as most fields are, is valid UTF-8: decoded without the slower validation.
            if field.allSatisfy({ $0 < 0x80 }) { return String(decoding: field, as: UTF8.self) }
            if let text = String(validating: field, as: UTF8.self) { return text }
            log.error(SourceLocation(path: path, line: line), "CSV syntax: the field is not valid UTF-8")
            return String(decoding: field, as: UTF8.self)
        }

        /// The value of field `column` when it is 1 to 18 ASCII digits (the most common value).
        @inline(__always)
        private func digits(_ column: Int) -> Int? {
            guard record == nil, !ranges[column].isEmpty, ranges[column].count <= 18 else { return nil }
            var number = 0
            for index in ranges[column] {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                number = number * 10 + Int(byte - 48)
            }
            return number
        }

        /// The process of this row when its field is one of the last rows'.
        @inline(__always)
        private func recentProcess() -> LegalProcess? {
            guard record == nil, let base = bytes.baseAddress else { return nil }
            let field = ranges[columns.process]
            for entry in processes.reversed() where entry.field.count == field.count
                && memcmp(base + entry.field.lowerBound, base + field.lowerBound, field.count) == 0 {
                return entry.process
            }
            return nil
        }

        /// Where field `column` starts, its column counted in characters.
        func location(_ column: Int) -> SourceLocation {
            if let record { return SourceLocation(path: path, line: line, column: record.column(column)) }
            let end = column < min(fields, ranges.count) ? ranges[column].lowerBound : start
            return SourceLocation(path: path, line: line, column: bytes[start..<end].reduce(1) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 })
        }

        private func report(_ column: Int, _ message: String) {
            log.error(location(column), message)
        }

        /// Field `column` as a value of a vocabulary; nil (reported, with the nearest name) when
        /// it is none of them.
        private func vocabulary<Value: RawRepresentable & CaseIterable>(_ column: Int, _ what: String) -> Value?
        where Value.RawValue == String {
            let text = text(column)
            if let value = Value(rawValue: text) { return value }
            let names = Value.allCases.map(\.rawValue)
            report(column, "unknown \(what) '\(text)'\(Suggestion.hint(for: text, in: names))")
            return nil
        }

        private func sourceIDs(_ column: Int) -> [SourceID] {
            let names = text(column).split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            guard !names.isEmpty else {
                report(column, "the figure has no source: name at least one source id")
                return []
            }
            let location = location(column)
            return names.compactMap { FieldReader.slug($0, at: location, log: log) }
        }
    }
}
