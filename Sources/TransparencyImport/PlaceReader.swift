import TransparencyLoader
import TransparencyModel

/// Reads the jurisdiction and the legal process of a row as a mapping says, each text once.
struct PlaceReader {
    let mapping: ImportMapping
    private var jurisdictions: [String: Jurisdiction?] = [:]

    init(mapping: ImportMapping) { self.mapping = mapping }

    mutating func jurisdiction(_ row: CSVRow, _ columns: [String: Int], problems: RowProblems) -> Jurisdiction? {
        switch mapping.jurisdiction {
        case .fixed(let jurisdiction): return jurisdiction
        case .code(let column, let nameColumn):
            guard let index = columns[column] else { return nil }
            let code = row.fields[index]
            if let cached = jurisdictions[code], let found = cached { return found }
            if let found = Jurisdiction(code: code.uppercased()) {
                jurisdictions[code] = .some(found)
                return found
            }
            if let nameColumn, let name = columns[nameColumn], let found = named(row.fields[name]) { return found }
            problems.error(row.location(ofField: index), "column '\(column)': unknown jurisdiction '\(code)'", value: "'\(code)'")
            return nil
        case .name(let column):
            guard let index = columns[column] else { return nil }
            let name = row.fields[index]
            if let cached = jurisdictions[name], let found = cached { return found }
            let found = named(name)
            jurisdictions[name] = .some(found)
            if found == nil {
                problems.error(row.location(ofField: index), "column '\(column)': unknown jurisdiction '\(name)'; add it under 'jurisdiction_names' in a mapping", value: "'\(name)'")
            }
            return found
        }
    }

    private func named(_ name: String) -> Jurisdiction? {
        mapping.jurisdictionNames[name.lowercased()] ?? Jurisdiction(name: name)
    }

    /// The row's legal process and the publisher's words for it.
    func process(_ row: CSVRow, _ columns: [String: Int], problems: RowProblems) -> (process: LegalProcess, words: String?)? {
        switch mapping.process {
        case .fixed(let process): return (process, nil)
        case .column(let column, let values, let fallback):
            guard let index = columns[column] else { return nil }
            let words = row.fields[index]
            if let process = values[words] ?? LegalProcess(rawValue: words) ?? fallback { return (process, mapping.labelAliases[words] ?? words) }
            let names = LegalProcess.allCases.map(\.rawValue)
            let hint = Suggestion.closest(to: words.lowercased().replacingOccurrences(of: " ", with: "-"), in: names).map { " (did you mean '\($0)'?)" } ?? ""
            problems.error(
                row.location(ofField: index),
                "column '\(column)': the legal process '\(words)' is not in the mapping's 'values'; map it there to one of \(names.joined(separator: ", "))\(hint), or give 'other'",
                value: "'\(words)'")
            return nil
        }
    }
}
