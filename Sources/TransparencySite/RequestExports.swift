import Foundation
import TransparencyLoader

/// The site's machine-readable copies of every request figure: `data/requests.csv` and
/// `data/requests.json` (schema version 1), in the same order (company, then figure key), each
/// figure with its sources. Written byte by byte: these files hold every figure of the dataset.
public enum RequestExports {
    public static let schemaVersion = 1

    static let csvColumns = [
        "company", "period", "period_start", "period_end", "jurisdiction", "jurisdiction_name", "process",
        "published_as", "subject", "measure", "value", "minimum", "maximum", "percentage", "regime", "sources",
    ]

    /// Companies whose figures are formatted at once (on all cores) before being written, which
    /// bounds memory whatever the size of the dataset.
    static let batchSize = 16

    /// Each company's figures in key order, formatted by `format`, handed to `write` in company
    /// order, a batch of companies at a time.
    static func forEachCompany(_ dataset: Dataset, format: @escaping @Sendable ([RequestFigure]) -> [UInt8], write: ([UInt8]) -> Void) {
        let companies = dataset.figuresByCompany.keys.sorted()
        var start = 0
        while start < companies.count {
            let batch = Array(companies[start..<min(start + batchSize, companies.count)])
            for chunk in parallelMap(batch, { company -> [UInt8] in
                let figures = dataset.figures(of: company)
                return format(FigureOrder(figures).sortedIndices.map { figures[$0] })
            }) {
                write(chunk)
            }
            start += batchSize
        }
    }

    /// One row per figure. `minimum` and `maximum` are empty when not reported; text cells that
    /// a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) get a leading `'`.
    public static func csv(_ dataset: Dataset, write: ([UInt8]) -> Void) {
        write(Array((csvColumns.joined(separator: ",") + "\n").utf8))
        forEachCompany(dataset, format: csvRows, write: write)
    }

    static func csvRows(_ figures: [RequestFigure]) -> [UInt8] {
        var periods = PeriodText(), names = NameText()
        var out = ByteWriter(capacity: figures.count * 140)
        for figure in figures {
            let (minimum, maximum, percentage) = bounds(figure.value)
            let period = periods[figure.period]
            out.append(figure.company.rawValue); out.comma()
            out.append(period.id); out.comma()
            out.append(period.start); out.comma()
            out.append(period.end); out.comma()
            out.append(figure.jurisdiction.code); out.comma()
            out.csvField(names[figure.jurisdiction]); out.comma()
            out.append(figure.process.rawValue); out.comma()
            out.csvField(text(figure.publishedAs ?? "")); out.comma()
            out.append(figure.subject.rawValue); out.comma()
            out.append(figure.measure.rawValue); out.comma()
            out.append(figure.value.description); out.comma()
            if let minimum { out.append(String(minimum)) }
            out.comma()
            if let maximum { out.append(String(maximum)) }
            out.comma()
            if let percentage { out.append(number(percentage)) }
            out.comma()
            out.append(figure.regime?.rawValue ?? ""); out.comma()
            out.append(figure.sources.map(\.rawValue).joined(separator: ";"))
            out.append("\n")
        }
        return out.bytes
    }

    /// The same figures as JSON, with the sources they cite; empty fields are `null`.
    public static func json(_ dataset: Dataset, write: ([UInt8]) -> Void) {
        var head = ByteWriter()
        head.append("{\"description\":")
        head.jsonString("Government request figures as each company published them. value is the published figure (a number, a range min-max, a percentage, or - for not reported); minimum and maximum are null when not reported.")
        head.append(",\"figures\":[")
        write(head.bytes)
        var first = true
        forEachCompany(dataset, format: jsonObjects) { chunk in
            guard !chunk.isEmpty else { return }
            if !first { write([UInt8(ascii: ",")]) }
            first = false
            write(chunk)
        }
        var out = ByteWriter()
        out.append("],\"schema_version\":\(schemaVersion),\"sources\":{")
        var citedSet = Set<SourceID>()
        for figures in dataset.figuresByCompany.values {
            for figure in figures { citedSet.formUnion(figure.sources) }
        }
        var firstSource = true
        for id in citedSet.sorted() {
            guard let source = dataset.sources[id] else { continue }
            if !firstSource { out.comma() }
            firstSource = false
            out.jsonString(id.rawValue)
            out.append(":{\"archived_url\":")
            if let archived = source.archivedURL { out.jsonString(archived) } else { out.append("null") }
            out.append(",\"date\":")
            if let date = source.date { out.jsonString(date.description) } else { out.append("null") }
            out.append(",\"publisher\":"); out.jsonString(safe(source.publisher))
            out.append(",\"title\":"); out.jsonString(safe(source.title))
            out.append(",\"url\":"); out.jsonString(source.url)
            out.append("}")
        }
        out.append("}}\n")
        write(out.bytes)
    }

    /// The figures as JSON objects separated by commas.
    static func jsonObjects(_ figures: [RequestFigure]) -> [UInt8] {
        var periods = PeriodText(), names = NameText()
        var out = ByteWriter(capacity: figures.count * 360)
        for (index, figure) in figures.enumerated() {
            let (minimum, maximum, percentage) = bounds(figure.value)
            if index > 0 { out.comma() }
            let period = periods[figure.period]
            out.append("{\"company\":"); out.jsonString(figure.company.rawValue)
            out.append(",\"jurisdiction\":"); out.jsonString(figure.jurisdiction.code)
            out.append(",\"jurisdiction_name\":"); out.jsonString(names[figure.jurisdiction])
            out.append(",\"maximum\":"); out.append(maximum.map(String.init) ?? "null")
            out.append(",\"measure\":"); out.jsonString(figure.measure.rawValue)
            out.append(",\"minimum\":"); out.append(minimum.map(String.init) ?? "null")
            out.append(",\"percentage\":"); out.append(percentage.map(number) ?? "null")
            out.append(",\"period\":"); out.jsonString(period.id)
            out.append(",\"period_end\":"); out.jsonString(period.end)
            out.append(",\"period_start\":"); out.jsonString(period.start)
            out.append(",\"process\":"); out.jsonString(figure.process.rawValue)
            out.append(",\"published_as\":")
            if let words = figure.publishedAs { out.jsonString(safe(words)) } else { out.append("null") }
            out.append(",\"regime\":")
            if let regime = figure.regime { out.jsonString(regime.rawValue) } else { out.append("null") }
            out.append(",\"sources\":[")
            for (position, source) in figure.sources.enumerated() {
                if position > 0 { out.comma() }
                out.jsonString(source.rawValue)
            }
            out.append("],\"subject\":"); out.jsonString(figure.subject.rawValue)
            out.append(",\"value\":"); out.jsonString(figure.value.description)
            out.append("}")
        }
        return out.bytes
    }

    private static func bounds(_ value: FigureValue) -> (Int?, Int?, Double?) {
        switch value {
        case .count(let count): (count.minimum, count.maximum, nil)
        case .percentage(let percentage): (nil, nil, percentage)
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// Text from data, made inert for spreadsheets; `UnsafeCharacters` become U+FFFD.
    static func text(_ value: String) -> String {
        let clean = safe(value)
        guard let first = clean.first, "=+-@\t\r".contains(first) else { return clean }
        return "'" + clean
    }

    /// `UnsafeCharacters` replaced with U+FFFD, as in every other output.
    static func safe(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: UnsafeCharacters.contains) else { return value }
        var clean = String.UnicodeScalarView()
        for scalar in value.unicodeScalars { clean.append(UnsafeCharacters.contains(scalar) ? "\u{FFFD}" : scalar) }
        return String(clean)
    }
}

/// Each period's texts, worked out once.
struct PeriodText {
    private var cache: [Period: (id: String, start: String, end: String)] = [:]
    subscript(period: Period) -> (id: String, start: String, end: String) {
        mutating get {
            if let known = cache[period] { return known }
            let text = (period.description, period.start.description, period.end.description)
            cache[period] = text
            return text
        }
    }
}

/// Each jurisdiction's name, safe for exports (the `jurisdiction_name` cells are the same in CSV and JSON).
struct NameText {
    private var cache: [Jurisdiction: String] = [:]
    subscript(jurisdiction: Jurisdiction) -> String {
        mutating get {
            if let known = cache[jurisdiction] { return known }
            let text = RequestExports.text(jurisdiction.name)
            cache[jurisdiction] = text
            return text
        }
    }
}

/// Appends text to a byte buffer, with CSV and JSON quoting.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
    mutating func comma() { bytes.append(UInt8(ascii: ",")) }

    /// A CSV field, quoted as `CSVWriting` quotes it.
    mutating func csvField(_ text: String) { CSVWriting.appendField(text, to: &bytes) }

    /// A JSON string literal.
    mutating func jsonString(_ text: String) {
        bytes.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
