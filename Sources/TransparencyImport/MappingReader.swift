import TransparencyLoader
import TransparencyModel

/// Reads an import mapping from YAML, reporting problems like dataset problems.
enum MappingReader {
    static let fields = [
        "name", "detect", "period", "jurisdiction", "jurisdiction_names", "process", "subject", "measures",
        "not_reported", "skip_jurisdictions", "blank", "label_aliases",
    ]

    static func read(_ text: String, path: String, log: DiagnosticLog) -> ImportMapping? {
        guard let root = YAMLValue.parse(text, path: path, log: log),
              let reader = FieldReader(root, what: "an import mapping", allowed: fields, log: log) else { return nil }
        let name = reader.text("name")
        var header: [String]?
        var fileNameContains: String?
        if let detect = reader.value("detect"),
           let detectReader = FieldReader(detect, what: "'detect'", allowed: ["header", "file_name_contains"], log: log) {
            let columns = detectReader.texts("header").map(\.text)
            header = columns.isEmpty ? nil : columns
            fileNameContains = detectReader.text("file_name_contains", required: false)
        }
        let period = reader.value("period").flatMap { periodRule($0, log) }
        if reader.value("period") == nil { log.error(root.location, "an import mapping has no 'period'") }
        let jurisdiction = reader.value("jurisdiction").flatMap { jurisdictionRule($0, log) }
        if reader.value("jurisdiction") == nil { log.error(root.location, "an import mapping has no 'jurisdiction'") }
        let names = jurisdictionNames(reader.value("jurisdiction_names"), log)
        let process = processRule(reader.value("process"), log)
        let subject = reader.text("subject", required: false).flatMap { text -> RequestSubject? in
            guard let subject = RequestSubject(rawValue: text) else {
                log.error(reader.location("subject"), "unknown subject '\(text)': use accounts or devices")
                return nil
            }
            return subject
        } ?? .accounts
        let measures = reader.list("measures").compactMap { measureRule($0, log) }
        if measures.isEmpty { log.error(reader.location("measures"), "an import mapping needs at least one entry in 'measures'") }
        let notReported = Set(reader.texts("not_reported").map(\.text))
        let skip = Set(reader.texts("skip_jurisdictions").map(\.text))
        let blank = reader.text("blank", required: false) ?? "not-reported"
        if blank != "not-reported", blank != "absent" {
            log.error(reader.location("blank"), "unknown 'blank' value '\(blank)': use not-reported (the default) or absent")
        }
        guard let name, let period, let jurisdiction, let process, !measures.isEmpty else { return nil }
        return ImportMapping(
            name: name, header: header, fileNameContains: fileNameContains, period: period, jurisdiction: jurisdiction,
            jurisdictionNames: names, process: process, subject: subject, measures: measures,
            notReported: notReported, skipJurisdictions: skip, labelAliases: labelAliases(reader.value("label_aliases"), log),
            blankIsAbsent: blank == "absent")
    }

    private static func periodRule(_ value: YAMLValue, _ log: DiagnosticLog) -> ImportMapping.PeriodRule? {
        guard let reader = FieldReader(value, what: "'period'", allowed: ["column", "format", "start", "end", "date_format", "from"], log: log),
              let format = reader.text("format") else { return nil }
        if let from = reader.text("from", required: false) {
            guard from == "file-name", format == "half-year" else {
                log.error(reader.location("from"), "'from: file-name' reads a half-year (format: half-year) from the file's name; no other source is known")
                return nil
            }
            return .fileNameHalfYear
        }
        switch format {
        case "end-date": return reader.text("column").map { .endDate(column: $0) }
        case "half-year": return reader.text("column").map { .halfYear(column: $0) }
        case "year": return reader.text("column").map { .year(column: $0) }
        case "dates":
            guard let start = reader.text("start"), let end = reader.text("end"), let dateFormat = reader.text("date_format") else { return nil }
            guard DateText.formats.contains(dateFormat) else {
                log.error(reader.location("date_format"), "unknown date format '\(dateFormat)'; use one of \(DateText.formats.joined(separator: ", "))")
                return nil
            }
            return .dates(start: start, end: end, format: dateFormat)
        default:
            log.error(reader.location("format"), "unknown period format '\(format)'; use end-date, half-year, year or dates")
            return nil
        }
    }

    private static func jurisdictionRule(_ value: YAMLValue, _ log: DiagnosticLog) -> ImportMapping.JurisdictionRule? {
        guard let reader = FieldReader(value, what: "'jurisdiction'", allowed: ["code", "name", "fixed"], log: log) else { return nil }
        if let fixed = reader.text("fixed", required: false) {
            guard let jurisdiction = Jurisdiction(code: fixed) else {
                log.error(reader.location("fixed"), "unknown jurisdiction code '\(fixed)'")
                return nil
            }
            return .fixed(jurisdiction)
        }
        if let code = reader.text("code", required: false) { return .code(column: code, nameColumn: reader.text("name", required: false)) }
        if let name = reader.text("name", required: false) { return .name(column: name) }
        log.error(value.location, "'jurisdiction' needs 'code', 'name' or 'fixed'")
        return nil
    }

    private static func labelAliases(_ value: YAMLValue?, _ log: DiagnosticLog) -> [String: String] {
        guard let value else { return [:] }
        guard let pairs = value.pairs else {
            log.error(value.location, "'label_aliases' must map a label of an older edition to the label it became")
            return [:]
        }
        var aliases: [String: String] = [:]
        for (old, new) in pairs {
            guard let from = old.text, let to = new.text else {
                log.error(new.location, "expected a label mapped to a label")
                continue
            }
            aliases[from] = to
        }
        return aliases
    }

    private static func jurisdictionNames(_ value: YAMLValue?, _ log: DiagnosticLog) -> [String: Jurisdiction] {
        guard let value else { return [:] }
        guard let pairs = value.pairs else {
            log.error(value.location, "'jurisdiction_names' must map names to codes")
            return [:]
        }
        var names: [String: Jurisdiction] = [:]
        for (keyValue, codeValue) in pairs {
            guard let name = keyValue.text, let text = codeValue.text, let jurisdiction = Jurisdiction(code: text) else {
                log.error(codeValue.location, "expected a name mapped to an ISO 3166-1 alpha-2 code")
                continue
            }
            names[name.lowercased()] = jurisdiction
        }
        return names
    }

    private static func processRule(_ value: YAMLValue?, _ log: DiagnosticLog) -> ImportMapping.ProcessRule? {
        guard let value else { return .fixed(.all) }
        if let text = value.text { return legalProcess(text, at: value.location, log).map { .fixed($0) } }
        guard let reader = FieldReader(value, what: "'process'", allowed: ["column", "values", "other"], log: log),
              let column = reader.text("column") else { return nil }
        var values: [String: LegalProcess] = [:]
        if let mapping = reader.value("values"), let pairs = mapping.pairs {
            for (keyValue, processValue) in pairs {
                guard let words = keyValue.text, let text = processValue.text,
                      let legal = legalProcess(text, at: processValue.location, log) else { continue }
                values[words] = legal
            }
        } else if let mapping = reader.value("values") {
            log.error(mapping.location, "'values' must map the publisher's words to legal processes")
        }
        let fallback = reader.text("other", required: false).flatMap { legalProcess($0, at: reader.location("other"), log) }
        return .column(column, values: values, fallback: fallback)
    }

    private static func measureRule(_ value: YAMLValue, _ log: DiagnosticLog) -> ImportMapping.MeasureRule? {
        let allowed = ["measure", "column", "minimum", "maximum", "process", "label", "optional", "bare_percentage"]
        guard let reader = FieldReader(value, what: "a measure", allowed: allowed, log: log),
              let name = reader.text("measure") else { return nil }
        guard let measure = Measure(rawValue: name) else {
            let names = Measure.allCases.map(\.rawValue)
            log.error(reader.location("measure"), "unknown measure '\(name)'\(Suggestion.hint(for: name, in: names))")
            return nil
        }
        let column = reader.text("column", required: false)
        let minimum = reader.text("minimum", required: false), maximum = reader.text("maximum", required: false)
        guard column != nil || (minimum != nil && maximum != nil) else {
            log.error(value.location, "a measure needs 'column', or 'minimum' and 'maximum'")
            return nil
        }
        let process = reader.text("process", required: false).flatMap { legalProcess($0, at: reader.location("process"), log) }
        let bare = reader.text("bare_percentage", required: false) == "true"
        return ImportMapping.MeasureRule(
            measure: measure, column: column, minimumColumn: minimum, maximumColumn: maximum, process: process,
            label: reader.text("label", required: false), optional: reader.text("optional", required: false) == "true",
            bareNumberIsPercentage: bare)
    }

    private static func legalProcess(_ text: String, at location: SourceLocation, _ log: DiagnosticLog) -> LegalProcess? {
        if let process = LegalProcess(rawValue: text) { return process }
        let names = LegalProcess.allCases.map(\.rawValue)
        log.error(location, "unknown legal process '\(text)'\(Suggestion.hint(for: text, in: names))")
        return nil
    }
}
