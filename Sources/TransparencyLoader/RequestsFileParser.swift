import TransparencyModel

/// Reads the rows of a normalized requests file (`requests/<company>.csv`) into figures.
///
/// Required columns: `period,jurisdiction,process,measure,value,sources`; optional ones:
/// `published_as`, `subject` (`accounts` or `devices`), `regime`. Columns may come in any order.
public enum RequestsFileParser {
    public static let requiredColumns = ["period", "jurisdiction", "process", "measure", "value", "sources"]
    public static let optionalColumns = ["published_as", "subject", "regime"]
    /// The header `transparency import` writes.
    public static let canonicalColumns = [
        "period", "jurisdiction", "process", "published_as", "subject", "measure", "value", "regime", "sources",
    ]

    /// A figure with the row it came from.
    package struct ParsedFigure {
        package let figure: RequestFigure
        package let row: CSVTable.Row
        package let sourcesColumn: Int
    }

    package static func parse(_ table: CSVTable, path: String, company: CompanyID, log: DiagnosticLog) -> [ParsedFigure] {
        parseWithKeyOrder(table, path: path, company: company, log: log).figures
    }

    /// The figures in file order, and their indices in key order (the order of `RequestFigure.Key`).
    package static func parseWithKeyOrder(
        _ table: CSVTable, path: String, company: CompanyID, log: DiagnosticLog
    ) -> (figures: [ParsedFigure], keyOrder: [Int]) {
        var index: [String: Int] = [:]
        for (position, name) in table.header.enumerated() {
            guard requiredColumns.contains(name) || optionalColumns.contains(name) else {
                let known = requiredColumns + optionalColumns
                log.error(SourceLocation(path: path, line: 1, column: 1), "unknown column '\(name)'\(Suggestion.hint(for: name, in: known)); the columns are \(known.joined(separator: ", "))")
                return ([], [])
            }
            index[name] = position
        }
        let missing = requiredColumns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            log.error(SourceLocation(path: path), "missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); the header must name \(requiredColumns.joined(separator: ","))")
            return ([], [])
        }
        guard let columns = Columns(index) else { return ([], []) }
        let cache = Cache()
        let parsed = table.rows.compactMap { row -> ParsedFigure? in
            guard row.fields.count == table.header.count else {
                log.error(row.location(ofField: 0), "expected \(table.header.count) fields, found \(row.fields.count)")
                return nil
            }
            return figure(row, columns, cache, company: company, log: log)
        }
        // Duplicates sit side by side once sorted by key (the sort keeps file order for ties).
        let figures = parsed.map(\.figure)
        let order = FigureOrder(figures)
        var duplicates = Set<Int>()
        var firstOfRun = order.sortedIndices.first ?? 0
        for (previous, next) in zip(order.sortedIndices, order.sortedIndices.dropFirst()) {
            guard order.sameKey(previous, next, in: figures) else {
                firstOfRun = next
                continue
            }
            log.error(parsed[next].row.location(ofField: 0), "this figure is already given on line \(parsed[firstOfRun].row.line)")
            duplicates.insert(next)
        }
        guard !duplicates.isEmpty else { return (parsed, order.sortedIndices) }
        // Duplicates are errors, so nothing is built from these figures: their order doesn't matter.
        let kept = parsed.enumerated().filter { !duplicates.contains($0.offset) }.map(\.element)
        return (kept, Array(kept.indices))
    }

    /// Column positions of one file.
    private struct Columns {
        let period, jurisdiction, process, measure, value, sources: Int
        let publishedAs, subject, regime: Int?

        init?(_ index: [String: Int]) {
            guard let period = index["period"], let jurisdiction = index["jurisdiction"], let process = index["process"],
                  let measure = index["measure"], let value = index["value"], let sources = index["sources"] else { return nil }
            (self.period, self.jurisdiction, self.process, self.measure, self.value, self.sources) = (period, jurisdiction, process, measure, value, sources)
            (publishedAs, subject, regime) = (index["published_as"], index["subject"], index["regime"])
        }
    }

    /// Values already read in this file, by their text: a file repeats few distinct periods,
    /// jurisdictions, processes and source lists over many rows.
    private final class Cache {
        var periods: [String: Period?] = [:]
        var jurisdictions: [String: Jurisdiction?] = [:]
        var sources: [String: [SourceID]] = [:]
    }

    private static func figure(_ row: CSVTable.Row, _ columns: Columns, _ cache: Cache, company: CompanyID, log: DiagnosticLog) -> ParsedFigure? {
        let fields = row.fields
        let periodText = fields[columns.period]
        let period: Period?
        if let known = cache.periods[periodText] { period = known } else {
            period = Period(parsing: periodText)
            cache.periods[periodText] = .some(period)
        }
        if period == nil {
            log.error(row.location(ofField: columns.period), "malformed period '\(periodText)': expected 2013-H1, 2013 or 2012-12-01..2013-05-31")
        }
        let code = fields[columns.jurisdiction]
        let jurisdiction: Jurisdiction?
        if let known = cache.jurisdictions[code] { jurisdiction = known } else {
            jurisdiction = Jurisdiction(code: code)
            cache.jurisdictions[code] = .some(jurisdiction)
        }
        if jurisdiction == nil {
            log.error(row.location(ofField: columns.jurisdiction), "unknown jurisdiction '\(code)': expected an ISO 3166-1 alpha-2 code such as US, or WORLD")
        }
        func vocabularyField<Value: RawRepresentable & CaseIterable>(_ column: Int, _ what: String) -> Value? where Value.RawValue == String {
            vocabulary((fields[column], row.location(ofField: column)), what, log)
        }
        let process: LegalProcess? = LegalProcess(rawValue: fields[columns.process]) ?? vocabularyField(columns.process, "legal process")
        let measure: Measure? = Measure(rawValue: fields[columns.measure]) ?? vocabularyField(columns.measure, "measure")
        var subject: RequestSubject? = .accounts
        if let column = columns.subject, !fields[column].isEmpty {
            subject = RequestSubject(rawValue: fields[column]) ?? vocabularyField(column, "subject")
        }
        var regime: BandRegime?
        var regimeKnown = true
        if let column = columns.regime, !fields[column].isEmpty {
            regime = BandRegime(rawValue: fields[column]) ?? vocabularyField(column, "band regime")
            regimeKnown = regime != nil
        }
        var value: FigureValue?
        if let measure {
            switch PublishedValueParser.value(fields[columns.value], for: measure) {
            case .success(let parsed): value = parsed
            case .failure(let problem): log.error(row.location(ofField: columns.value), problem.description)
            }
        }
        let sourcesText = fields[columns.sources]
        let sources: [SourceID]
        if let known = cache.sources[sourcesText] { sources = known } else {
            sources = sourceIDs(sourcesText, at: row.location(ofField: columns.sources), log: log)
            // Only well-formed lists are kept, so a malformed one is reported on every row.
            if !sources.isEmpty { cache.sources[sourcesText] = sources }
        }
        let publishedAs = columns.publishedAs.map { fields[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        guard let period, let jurisdiction, let process, let measure, let value, let subject, regimeKnown,
              !sources.isEmpty else { return nil }
        let figure = RequestFigure(
            company: company, period: period, jurisdiction: jurisdiction, process: process, publishedAs: publishedAs,
            subject: subject, measure: measure, value: value, regime: regime, sources: sources)
        return ParsedFigure(figure: figure, row: row, sourcesColumn: columns.sources)
    }

    private static func vocabulary<Value: RawRepresentable & CaseIterable>(
        _ field: (text: String, location: SourceLocation), _ what: String, _ log: DiagnosticLog
    ) -> Value? where Value.RawValue == String {
        if let value = Value(rawValue: field.text) { return value }
        let names = Value.allCases.map(\.rawValue)
        log.error(field.location, "unknown \(what) '\(field.text)'\(Suggestion.hint(for: field.text, in: names))")
        return nil
    }

    private static func sourceIDs(_ text: String, at location: SourceLocation, log: DiagnosticLog) -> [SourceID] {
        let names = text.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        guard !names.isEmpty else {
            log.error(location, "the figure has no source: name at least one source id")
            return []
        }
        return names.compactMap { FieldReader.slug($0, at: location, log: log) }
    }
}
