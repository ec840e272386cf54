import TransparencyLoader
import TransparencyModel

/// The rules of a mapping: where the period, jurisdiction, legal process and measures are.
extension MappingReader {
    func periodRule(_ value: YAMLValue) -> ImportMapping.PeriodRule? {
        let allowed = ["column", "format", "start", "end", "date_format", "from", "pattern", "fixed"]
        guard let reader = FieldReader(value, what: "'period'", allowed: allowed, log: log) else { return nil }
        if let fixed = reader.text("fixed", required: false) {
            guard let period = Period(parsing: fixed) else {
                log.error(reader.location("fixed"), "cannot read the period '\(fixed)'; write 2019-H2, 2019, or 2021-12-01..2022-05-31")
                return nil
            }
            return .fixed(period)
        }
        guard let format = reader.text("format") else { return nil }
        let dateFormat = reader.text("date_format", required: false) ?? "yyyy-mm-dd"
        guard DateText.formats.contains(dateFormat) else {
            log.error(reader.location("date_format"), "unknown date format '\(dateFormat)'; use one of \(DateText.formats.joined(separator: ", "))")
            return nil
        }
        if let from = reader.text("from", required: false) {
            guard from == "file-name", format == "half-year" else {
                log.error(reader.location("from"), "'from: file-name' reads a half-year or months of one year (format: half-year) from the file's name; no other source is known")
                return nil
            }
            guard let source = reader.text("pattern", required: false) else { return .fileName(pattern: nil) }
            do {
                return .fileName(pattern: ImportMapping.FileNamePattern(source: source, regex: try Regex(source)))
            } catch {
                log.error(reader.location("pattern"), "'pattern' is no regular expression: \(error); write one such as 'Report-(\\d{4}_H[12])'")
                return nil
            }
        }
        switch format {
        case "end-date": return column(reader, "column").map { .endDate(column: $0, format: dateFormat) }
        case "half-year": return column(reader, "column").map { .halfYear(column: $0) }
        case "year": return column(reader, "column").map { .year(column: $0) }
        case "dates":
            guard let start = column(reader, "start"), let end = column(reader, "end") else { return nil }
            return .dates(start: start, end: end, format: dateFormat)
        default:
            log.error(reader.location("format"), "unknown period format '\(format)'; use end-date, half-year, year or dates (or give the period with 'fixed')")
            return nil
        }
    }

    func jurisdictionRule(_ value: YAMLValue) -> ImportMapping.JurisdictionRule? {
        guard let reader = FieldReader(value, what: "'jurisdiction'", allowed: ["code", "name", "fixed"], log: log) else { return nil }
        if let fixed = reader.text("fixed", required: false) {
            guard let jurisdiction = Jurisdiction(code: fixed) else {
                log.error(reader.location("fixed"), "unknown jurisdiction code '\(fixed)'")
                return nil
            }
            return .fixed(jurisdiction)
        }
        if let code = column(reader, "code", required: false) { return .code(column: code, nameColumn: column(reader, "name", required: false)) }
        if let name = column(reader, "name", required: false) { return .name(column: name) }
        log.error(value.location, "'jurisdiction' needs 'code', 'name' or 'fixed'")
        return nil
    }

    func processRule(_ value: YAMLValue?) -> ImportMapping.ProcessRule? {
        guard let value else { return .fixed(.all) }
        if let text = value.text { return legalProcess(text, at: value.location).map { .fixed($0) } }
        guard let reader = FieldReader(value, what: "'process'", allowed: ["column", "values", "other"], log: log),
              let column = column(reader, "column") else { return nil }
        var values: [String: LegalProcess] = [:]
        if let mapping = reader.value("values"), let pairs = mapping.pairs {
            for (keyValue, processValue) in pairs {
                guard let words = keyValue.text, let text = processValue.text,
                      let legal = legalProcess(text, at: processValue.location) else { continue }
                values[words] = legal
            }
        } else if let mapping = reader.value("values") {
            log.error(mapping.location, "'values' must map the publisher's words to legal processes")
        }
        let fallback = reader.text("other", required: false).flatMap { legalProcess($0, at: reader.location("other")) }
        return .column(column, values: values, fallback: fallback)
    }

    func measureRule(_ value: YAMLValue) -> ImportMapping.MeasureRule? {
        let allowed = ["measure", "column", "minimum", "maximum", "process", "label", "optional", "bare_percentage", "blank"]
        guard let reader = FieldReader(value, what: "a measure", allowed: allowed, log: log),
              let name = reader.text("measure") else { return nil }
        guard let measure = Measure(rawValue: name) else {
            let names = Measure.allCases.map(\.rawValue)
            log.error(reader.location("measure"), "unknown measure '\(name)'; use one of \(names.joined(separator: ", "))\(Suggestion.hint(for: name, in: names))")
            return nil
        }
        let single = column(reader, "column", required: false)
        let minimum = column(reader, "minimum", required: false), maximum = column(reader, "maximum", required: false)
        guard single != nil || (minimum != nil && maximum != nil) else {
            log.error(value.location, "a measure needs 'column', or 'minimum' and 'maximum'")
            return nil
        }
        let process = reader.text("process", required: false).flatMap { legalProcess($0, at: reader.location("process")) }
        return ImportMapping.MeasureRule(
            measure: measure, column: single, minimumColumn: minimum, maximumColumn: maximum, process: process,
            label: reader.text("label", required: false), optional: flag(reader, "optional"),
            bareNumberIsPercentage: flag(reader, "bare_percentage"), blankIsAbsent: blank(reader))
    }
}
