import Foundation
import TransparencyModel

extension RequestsFileParser {
    /// Reads one row at a time into a figure, keeping the values of the row before: a field
    /// whose bytes are the same as that row's gives the same value, read once. A value that
    /// could not be read is read (and reported) again on every row.
    struct RowReader {
        let bytes: [UInt8]
        let path: String
        let columns: Columns
        let company: CompanyID
        let log: DiagnosticLog
        /// This row's fields as byte ranges (a row without quotes), and the row before's.
        var ranges: [Range<Int>] = []
        private var previous: [Range<Int>] = []
        /// A row with quotes, its fields decoded.
        private var record: CSVReader.Record?
        private var line = 0, start = 0
        /// The values of the row before.
        private var values = Values()
        /// The legal processes of the last rows, by their fields: rows often take turns among a few.
        private var processes: [(field: Range<Int>, process: LegalProcess)] = []

        private struct Values {
            var period: Period?, jurisdiction: Jurisdiction?, process: LegalProcess?, measure: Measure?
            var publishedAs: String?, subject: RequestSubject? = .accounts, regime: BandRegime??, sources: [SourceID] = []
        }

        init(bytes: [UInt8], path: String, columns: Columns, company: CompanyID, log: DiagnosticLog) {
            (self.bytes, self.path, self.columns, self.company, self.log) = (bytes, path, columns, company, log)
        }

        mutating func begin(line: Int, start: Int, record: CSVReader.Record?) {
            (self.line, self.start, self.record) = (line, start, record)
        }

        var fieldCount: Int { record?.fields.count ?? ranges.count }

        /// Ends a row: the next compares its fields with this one's, or, without `keeping` (a
        /// row of the wrong length) or for a row with quotes, reads them all.
        mutating func finish(keeping: Bool = true) {
            if record != nil || !keeping { ranges.removeAll(keepingCapacity: true) }
            record = nil
            swap(&ranges, &previous)
        }

        /// This row's figure and how its key compares with the row before's; nil (reported) when
        /// a field can't be read.
        mutating func figure() -> (RequestFigure, KeyOrder)? {
            var values = values
            defer { self.values = values }
            // The first row comes after nothing; a later one as the first part of its key that
            // differs says.
            var order: KeyOrder = values.period == nil && values.jurisdiction == nil ? .after : .same
            var failed = false
            func read<Value: Comparable>(_ column: Int, _ value: inout Value?, _ parse: (String) -> Value?) {
                if !same(column) || value == nil {
                    let parsed = parse(text(column))
                    if let parsed { order = order.then(value, parsed) }
                    value = parsed
                }
                if value == nil { failed = true }
            }
            let periodColumn = columns.period, jurisdictionColumn = columns.jurisdiction
            read(periodColumn, &values.period) { text in
                Period(parsing: text) ?? failure(periodColumn, "malformed period '\(text)': expected 2013-H1, 2013 or 2012-12-01..2013-05-31")
            }
            read(jurisdictionColumn, &values.jurisdiction) { code in
                Jurisdiction(code: code)
                    ?? failure(jurisdictionColumn, "unknown jurisdiction '\(code)': expected an ISO 3166-1 alpha-2 code such as US, or WORLD")
            }
            if let known = recentProcess() {
                order = order.then(values.process, known)
                values.process = known
            } else {
                read(columns.process, &values.process) { vocabulary($0, columns.process, "legal process") }
                if record == nil, let process = values.process {
                    if processes.count == 16 { processes.removeFirst() }
                    processes.append((ranges[columns.process], process))
                }
            }
            if let column = columns.publishedAs, !same(column) {
                let text = text(column)
                order = order.then(values.publishedAs ?? "", text)
                values.publishedAs = text.isEmpty ? nil : text
            }
            if let column = columns.subject {
                read(column, &values.subject) { $0.isEmpty ? .accounts : vocabulary($0, column, "subject") }
            }
            read(columns.measure, &values.measure) { vocabulary($0, columns.measure, "measure") }
            if let column = columns.regime, !same(column) || values.regime == nil {
                let text = text(column)
                values.regime = text.isEmpty ? .some(nil) : (vocabulary(text, column, "band regime") as BandRegime?).map { .some($0) }
            }
            if columns.regime != nil, values.regime == nil { failed = true }
            if !same(columns.sources) || values.sources.isEmpty { values.sources = sourceIDs(columns.sources) }
            var value: FigureValue?
            if let measure = values.measure {
                if !measure.isPercentage, let number = digits(columns.value) {
                    value = .count(.exact(number))
                } else {
                    switch PublishedValueParser.value(text(columns.value), for: measure) {
                    case .success(let parsed): value = parsed
                    case .failure(let problem): log.error(location(columns.value), problem.description)
                    }
                }
            }
            guard !failed, let period = values.period, let jurisdiction = values.jurisdiction, let process = values.process,
                  let measure = values.measure, let value, let subject = values.subject, !values.sources.isEmpty else { return nil }
            let figure = RequestFigure(
                company: company, period: period, jurisdiction: jurisdiction, process: process, publishedAs: values.publishedAs,
                subject: subject, measure: measure, value: value, regime: values.regime ?? nil, sources: values.sources)
            return (figure, order)
        }

        /// Whether field `column` has the bytes it had in the row before.
        private func same(_ column: Int) -> Bool {
            guard record == nil, column < previous.count else { return false }
            let now = ranges[column], before = previous[column]
            guard now.count == before.count else { return false }
            return bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return true }
                return memcmp(base + now.lowerBound, base + before.lowerBound, now.count) == 0
            }
        }

        /// Field `column`'s text; invalid UTF-8 is reported and replaced.
        private func text(_ column: Int) -> String {
            if let record { return record.fields[column] }
            return bytes.withUnsafeBufferPointer { buffer in
                let field = UnsafeBufferPointer(rebasing: buffer[ranges[column]])
                if let text = String(validating: field, as: UTF8.self) { return text }
                log.error(SourceLocation(path: path, line: line), "CSV syntax: the field is not valid UTF-8")
                return String(decoding: field, as: UTF8.self)
            }
        }

        /// The value of field `column` when it is 1 to 18 ASCII digits (the most common value).
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
        private func recentProcess() -> LegalProcess? {
            guard record == nil else { return nil }
            let field = ranges[columns.process]
            return bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return nil }
                for entry in processes.reversed() where entry.field.count == field.count
                    && memcmp(base + entry.field.lowerBound, base + field.lowerBound, field.count) == 0 {
                    return entry.process
                }
                return nil
            }
        }

        /// Where field `column` starts, its column counted in characters.
        func location(_ column: Int) -> SourceLocation {
            if let record { return SourceLocation(path: path, line: line, column: record.column(column)) }
            let end = column < ranges.count ? ranges[column].lowerBound : start
            return SourceLocation(path: path, line: line, column: bytes[start..<end].reduce(1) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 })
        }

        private func failure<Value>(_ column: Int, _ message: String) -> Value? {
            log.error(location(column), message)
            return nil
        }

        private func vocabulary<Value: RawRepresentable & CaseIterable>(_ text: String, _ column: Int, _ what: String) -> Value?
        where Value.RawValue == String {
            if let value = Value(rawValue: text) { return value }
            let names = Value.allCases.map(\.rawValue)
            return failure(column, "unknown \(what) '\(text)'\(Suggestion.hint(for: text, in: names))")
        }

        private func sourceIDs(_ column: Int) -> [SourceID] {
            let names = text(column).split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            guard !names.isEmpty else { return failure(column, "the figure has no source: name at least one source id") ?? [] }
            let location = location(column)
            return names.compactMap { FieldReader.slug($0, at: location, log: log) }
        }
    }
}
