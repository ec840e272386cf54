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
        var index: [String: Int] = [:]
        for (position, name) in table.header.enumerated() {
            guard requiredColumns.contains(name) || optionalColumns.contains(name) else {
                let known = requiredColumns + optionalColumns
                log.error(SourceLocation(path: path, line: 1, column: 1), "unknown column '\(name)'\(Suggestion.hint(for: name, in: known)); the columns are \(known.joined(separator: ", "))")
                return []
            }
            index[name] = position
        }
        let missing = requiredColumns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            log.error(SourceLocation(path: path), "missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); the header must name \(requiredColumns.joined(separator: ","))")
            return []
        }
        let parsed = table.rows.compactMap { row -> ParsedFigure? in
            guard row.fields.count == table.header.count else {
                log.error(row.location(ofField: 0), "expected \(table.header.count) fields, found \(row.fields.count)")
                return nil
            }
            return figure(row, index, company: company, log: log)
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
        return duplicates.isEmpty ? parsed : parsed.enumerated().filter { !duplicates.contains($0.offset) }.map(\.element)
    }

    private static func figure(_ row: CSVTable.Row, _ index: [String: Int], company: CompanyID, log: DiagnosticLog) -> ParsedFigure? {
        func field(_ name: String) -> (text: String, location: SourceLocation)? {
            index[name].map { (row.fields[$0], row.location(ofField: $0)) }
        }
        guard let periodField = field("period"), let jurisdictionField = field("jurisdiction"),
              let processField = field("process"), let measureField = field("measure"),
              let valueField = field("value"), let sourcesField = field("sources"), let sourcesColumn = index["sources"] else { return nil }
        let period = Period(parsing: periodField.text)
        if period == nil {
            log.error(periodField.location, "malformed period '\(periodField.text)': expected 2013-H1, 2013 or 2012-12-01..2013-05-31")
        }
        let jurisdiction = Jurisdiction(code: jurisdictionField.text)
        if jurisdiction == nil {
            log.error(jurisdictionField.location, "unknown jurisdiction '\(jurisdictionField.text)': expected an ISO 3166-1 alpha-2 code such as US, or WORLD")
        }
        let process: LegalProcess? = vocabulary(processField, "legal process", log)
        let measure: Measure? = vocabulary(measureField, "measure", log)
        let subject: RequestSubject? = field("subject").map { $0.text.isEmpty ? .accounts : vocabulary($0, "subject", log) } ?? .accounts
        let regime: BandRegime?? = field("regime").map { $0.text.isEmpty ? .some(nil) : vocabulary($0, "band regime", log).map { .some($0) } } ?? .some(nil)
        var value: FigureValue?
        if let measure {
            switch PublishedValueParser.value(valueField.text, for: measure) {
            case .success(let parsed): value = parsed
            case .failure(let problem): log.error(valueField.location, problem.description)
            }
        }
        let sources = sourceIDs(sourcesField.text, at: sourcesField.location, log: log)
        let publishedAs = field("published_as").map(\.text).flatMap { $0.isEmpty ? nil : $0 }
        guard let period, let jurisdiction, let process, let measure, let value, let subject, let regime,
              !sources.isEmpty else { return nil }
        let figure = RequestFigure(
            company: company, period: period, jurisdiction: jurisdiction, process: process, publishedAs: publishedAs,
            subject: subject, measure: measure, value: value, regime: regime, sources: sources)
        return ParsedFigure(figure: figure, row: row, sourcesColumn: sourcesColumn)
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
