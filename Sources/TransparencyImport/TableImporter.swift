import Foundation
import TransparencyLoader
import TransparencyModel

/// Applies an import mapping to one CSV file: every row becomes one figure per measure.
///
/// Every row is read, so one run reports every problem of the file; each problem is reported
/// once per column, at its first row, with the number of rows it is in.
struct TableImporter {
    let mapping: ImportMapping
    let company: CompanyID
    let sources: [SourceID]
    let log: DiagnosticLog

    /// Reads every record of `reader` (whose header has been read) into `output`.
    func run(_ reader: inout CSVReader.Iterator, header: [String], path: String, delimiter: PublisherText.Delimiter, into output: inout ImportedFigures) {
        let problems = RowProblems()
        defer {
            for problem in reader.problems { problems.error(SourceLocation(path: path, line: problem.line, column: problem.column), syntax(problem, header)) }
            problems.flush(into: log)
        }
        guard let columns = resolveColumns(header, path: path, delimiter: delimiter) else { return }
        var periods = PeriodReader(mapping.period)
        let filePeriod = periods.columns.isEmpty ? periods.filePeriod(path, log: log) : nil
        if periods.columns.isEmpty, filePeriod == nil { return }
        let filters = mapping.rowFilters.compactMap { filter in columns[filter.column].map { (index: $0, values: filter.values) } }
        let values = ValueReader(mapping: mapping, problems: problems)
        // The columns whose jurisdiction texts `skip_jurisdictions` names.
        let skipped: [Int] = mapping.skipJurisdictions.isEmpty ? [] : {
            switch mapping.jurisdiction {
            case .code(let column, let name): [column, name].compactMap { $0.flatMap { columns[$0] } }
            case .name(let column): columns[column].map { [$0] } ?? []
            case .fixed: []
            }
        }()
        let file = output.add(file: path)
        var places = PlaceReader(mapping: mapping)
        while let record = reader.next() {
            let row = CSVRow(path: path, record: record)
            guard row.fields.count == header.count else {
                let found = "found \(row.fields.count)"
                problems.error(row.location(ofField: 0), "expected \(header.count) fields as in the header (separated by \(delimiter.shown)), \(found)", value: found)
                continue
            }
            guard filters.allSatisfy({ $0.values.contains(row.fields[$0.index].trimmingSpaces) }) else { continue }
            if !skipped.isEmpty, skipped.contains(where: { mapping.skipJurisdictions.contains(row.fields[$0].trimmingSpaces) }) { continue }
            let period = filePeriod ?? periods.period(row, columns, problems: problems)
            let jurisdiction = places.jurisdiction(row, columns, problems: problems)
            let rowProcess = places.process(row, columns, problems: problems)
            for rule in mapping.measures {
                let process = rule.process ?? rowProcess?.process
                if rule.optional, !rule.columns.allSatisfy({ columns[$0] != nil }) { continue }
                if rule.blankIsAbsent ?? mapping.blankIsAbsent,
                   rule.columns.contains(where: { columns[$0].map { row.fields[$0].trimmingSpaces.isEmpty } ?? false }) {
                    continue
                }
                guard let (value, column, note) = values.value(rule, row, columns) else { continue }
                guard let period, let jurisdiction, let process else { continue }
                let regime = value.count.flatMap { BandRegime.inferred(for: $0, process: process, jurisdiction: jurisdiction) }
                let figure = RequestFigure(
                    company: company, period: period, jurisdiction: jurisdiction, process: process,
                    publishedAs: rule.process == nil ? rowProcess?.words : rule.label.map { mapping.labelAliases[$0] ?? $0 }, subject: mapping.subject,
                    measure: rule.measure, value: value, regime: regime, sources: sources, note: note)
                output.append(figure, file: file, line: record.line, column: record.column(column))
            }
        }
    }

    /// A CSV syntax problem; invalid UTF-8 names its column and the setting that reads the file.
    private func syntax(_ problem: CSVReader.Problem, _ header: [String]) -> String {
        guard let field = problem.field else { return "CSV syntax: \(problem.message)" }
        let column = problem.line == 1 ? "the header's field \(field + 1)"
            : field < header.count ? "column '\(header[field])'" : "field \(field + 1), after the header's \(header.count) columns"
        let encodings = PublisherText.Encoding.allCases.filter { $0 != .utf8 }.map(\.rawValue)
        return "\(column): the text is not valid UTF-8; if the file is in another encoding, name it in the mapping: encoding: \(encodings.joined(separator: ", encoding: "))"
    }

    /// Column positions by name (a column's alternative names resolved to the name the rules
    /// use); logs every column the mapping needs that the header lacks.
    private func resolveColumns(_ header: [String], path: String, delimiter: PublisherText.Delimiter) -> [String: Int]? {
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() where columns[name] == nil { columns[name] = index }
        for (name, others) in mapping.columnAlternatives where columns[name] == nil {
            if let found = others.lazy.compactMap({ columns[$0] }).first { columns[name] = found }
        }
        var needed: [String] = mapping.measures.filter { !$0.optional }.flatMap(\.columns) + PeriodReader(mapping.period).columns
        switch mapping.jurisdiction {
        case .code(let column, let nameColumn): needed += [column] + (nameColumn.map { [$0] } ?? [])
        case .name(let column): needed.append(column)
        case .fixed: break
        }
        if case .column(let column, _, _) = mapping.process { needed.append(column) }
        needed += mapping.rowFilters.map(\.column)
        let missing = Set(needed.filter { columns[$0] == nil }).sorted()
        for column in missing {
            let others = mapping.columnAlternatives[column].map { " (nor '\($0.joined(separator: "', '"))')" } ?? ""
            let fields = header.count == 1
                ? "; the header is one field when read with the delimiter \(delimiter.shown): if the file uses another, set 'delimiter: comma', 'semicolon' or 'tab'"
                : Suggestion.hint(for: column, in: header)
            log.error(SourceLocation(path: path), "the header has no column '\(column)'\(others)\(fields) (mapping '\(mapping.name)')")
        }
        return missing.isEmpty ? columns : nil
    }
}

extension FigureValue {
    /// The count, for counts.
    var count: Count? {
        if case .count(let count) = self { return count }
        return nil
    }
}
