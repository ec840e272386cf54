import TransparencyLoader
import TransparencyModel

/// Reads an import mapping from YAML, reporting problems like dataset problems.
///
/// Wherever a mapping names a column, it may give a list of names instead: the first one a
/// file's header has is read, so that one mapping reads every edition of a publisher's format.
struct MappingReader {
    static let fields = [
        "name", "detect", "encoding", "delimiter", "where", "period", "jurisdiction", "jurisdiction_names", "process",
        "subject", "measures", "not_reported", "blank", "footnotes", "skip_jurisdictions", "label_aliases",
    ]

    let log: DiagnosticLog
    /// A column's other names, keyed by the first, as the column fields give them.
    private let alternatives = ColumnAlternatives()

    static func read(_ text: String, path: String, log: DiagnosticLog) -> ImportMapping? {
        guard let root = YAMLValue.parse(text, path: path, log: log),
              let reader = FieldReader(root, what: "an import mapping", allowed: fields, log: log) else { return nil }
        return MappingReader(log: log).mapping(reader, root)
    }

    private func mapping(_ reader: FieldReader, _ root: YAMLValue) -> ImportMapping? {
        let name = reader.text("name")
        var header: [String]?, headerColumns: [String]?, fileNameContains: String?
        if let detect = reader.value("detect"),
           let detectReader = FieldReader(detect, what: "'detect'", allowed: ["header", "columns", "file_name_contains"], log: log) {
            header = nonEmpty(detectReader.texts("header").map(\.text))
            headerColumns = nonEmpty(detectReader.texts("columns").map(\.text))
            fileNameContains = detectReader.text("file_name_contains", required: false)
        }
        if reader.value("period") == nil { log.error(root.location, "an import mapping has no 'period'") }
        if reader.value("jurisdiction") == nil { log.error(root.location, "an import mapping has no 'jurisdiction'") }
        let period = reader.value("period").flatMap(periodRule)
        let jurisdiction = reader.value("jurisdiction").flatMap(jurisdictionRule)
        let process = processRule(reader.value("process"))
        let subject = reader.text("subject", required: false).flatMap { text -> RequestSubject? in
            guard let subject = RequestSubject(rawValue: text) else {
                let names = RequestSubject.allCases.map(\.rawValue)
                log.error(reader.location("subject"), "unknown subject '\(text)': use \(names.joined(separator: ", "))\(Suggestion.hint(for: text, in: names))")
                return nil
            }
            return subject
        } ?? .accounts
        let measures = reader.list("measures").compactMap(measureRule)
        if measures.isEmpty { log.error(reader.location("measures"), "an import mapping needs at least one entry in 'measures'") }
        let blankIsAbsent = blank(reader) ?? false
        let encoding = choice(reader, "encoding", PublisherText.Encoding.self)
        let delimiter = choice(reader, "delimiter", PublisherText.Delimiter.self)
        let filters = rowFilters(reader.value("where"))
        let footnotes = footnoteMarks(reader)
        let aliases = pairs(reader.value("label_aliases"), "'label_aliases' must map a label of an older edition to the label it became")
        let names = jurisdictionNames(reader.value("jurisdiction_names"))
        guard let name, let period, let jurisdiction, let process, !measures.isEmpty else { return nil }
        return ImportMapping(
            name: name, header: header, headerColumns: headerColumns, fileNameContains: fileNameContains, period: period,
            jurisdiction: jurisdiction, jurisdictionNames: names, process: process, subject: subject, measures: measures,
            notReported: Set(reader.texts("not_reported").map(\.text)), skipJurisdictions: Set(reader.texts("skip_jurisdictions").map(\.text)),
            labelAliases: aliases, blankIsAbsent: blankIsAbsent, columnAlternatives: alternatives.names, rowFilters: filters,
            footnotes: footnotes, encoding: encoding, delimiter: delimiter)
    }

    /// A column field: a name, or a list of names of which a header has one.
    func column(_ reader: FieldReader, _ key: String, required: Bool = true) -> String? {
        guard let value = reader.value(key), let items = value.items else { return reader.text(key, required: required) }
        let names = items.compactMap(\.text)
        guard let first = names.first, names.count == items.count else {
            log.error(value.location, "'\(key)' must be a column name, or a list of the names it has in different editions")
            return nil
        }
        alternatives.names[first, default: []] += names.dropFirst().filter { !(alternatives.names[first] ?? []).contains($0) }
        return first
    }

    /// `blank: not-reported | absent`, nil when not given.
    func blank(_ reader: FieldReader) -> Bool? {
        guard let blank = reader.text("blank", required: false) else { return nil }
        guard blank == "not-reported" || blank == "absent" else {
            log.error(reader.location("blank"), "unknown 'blank' value '\(blank)': use not-reported (the default) or absent")
            return nil
        }
        return blank == "absent"
    }

    func flag(_ reader: FieldReader, _ key: String) -> Bool {
        guard let text = reader.text(key, required: false) else { return false }
        guard text == "true" || text == "false" else {
            log.error(reader.location(key), "'\(key)' must be true or false, found '\(text)'")
            return false
        }
        return text == "true"
    }

    func legalProcess(_ text: String, at location: SourceLocation) -> LegalProcess? {
        if let process = LegalProcess(rawValue: text) { return process }
        let names = LegalProcess.allCases.map(\.rawValue)
        log.error(location, "unknown legal process '\(text)'; use one of \(names.joined(separator: ", "))\(Suggestion.hint(for: text, in: names))")
        return nil
    }

    private func choice<Choice: RawRepresentable & CaseIterable>(_ reader: FieldReader, _ key: String, _: Choice.Type) -> Choice?
    where Choice.RawValue == String {
        guard let text = reader.text(key, required: false) else { return nil }
        if let found = Choice(rawValue: text.lowercased()) { return found }
        let names = Choice.allCases.map(\.rawValue)
        log.error(reader.location(key), "unknown \(key) '\(text)': use \(names.joined(separator: ", "))\(Suggestion.hint(for: text, in: names))")
        return nil
    }

    private func rowFilters(_ value: YAMLValue?) -> [ImportMapping.RowFilter] {
        guard let value else { return [] }
        guard let pairs = value.pairs else {
            log.error(value.location, "'where' must map a column to the value (or list of values) a row must hold there")
            return []
        }
        return pairs.compactMap { key, wanted in
            let values = wanted.items.map { $0.compactMap(\.text) } ?? wanted.text.map { [$0] }
            guard let column = key.text, let values, !values.isEmpty else {
                log.error(wanted.location, "expected a column mapped to a value or a list of values")
                return nil
            }
            return ImportMapping.RowFilter(column: column, values: Set(values))
        }
    }

    /// The footnote marks: symbols that can't be part of a value (`*`, `†`, `(a)`), each with its meaning.
    private func footnoteMarks(_ reader: FieldReader) -> [String: String] {
        let marks = pairs(reader.value("footnotes"), "'footnotes' must map each mark (such as '*') to what it means")
        return marks.filter { mark, _ in
            let valueCharacters = Set("0123456789%,.<-–/ ")
            guard !mark.isEmpty, !mark.contains(where: { valueCharacters.contains($0) || $0.isLetter && mark.count == 1 }) else {
                log.error(reader.location("footnotes"), "'\(mark)' can't be a footnote mark: it could be part of a value; use a symbol such as *, † or (a)")
                return false
            }
            return true
        }
    }

    private func pairs(_ value: YAMLValue?, _ problem: String) -> [String: String] {
        guard let value else { return [:] }
        guard let pairs = value.pairs else {
            log.error(value.location, problem)
            return [:]
        }
        var result: [String: String] = [:]
        for (key, text) in pairs {
            guard let from = key.text, let to = text.text else {
                log.error(text.location, problem)
                continue
            }
            result[from] = to
        }
        return result
    }

    private func jurisdictionNames(_ value: YAMLValue?) -> [String: Jurisdiction] {
        var names: [String: Jurisdiction] = [:]
        for (name, code) in pairs(value, "'jurisdiction_names' must map names to ISO 3166-1 alpha-2 codes") {
            guard let jurisdiction = Jurisdiction(code: code) else {
                log.error(value?.location ?? SourceLocation(path: ""), "'\(code)' (for '\(name)') is no ISO 3166-1 alpha-2 code")
                continue
            }
            names[name.lowercased()] = jurisdiction
        }
        return names
    }

    private func nonEmpty(_ list: [String]) -> [String]? { list.isEmpty ? nil : list }
}

/// The other names of columns, collected while a mapping is read.
private final class ColumnAlternatives {
    var names: [String: [String]] = [:]
}
