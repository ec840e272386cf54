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

    /// Each company's figures in key order (the dataset keeps them so), formatted by `format`, handed to `write` in company
    /// order, a batch of companies at a time.
    static func forEachCompany(_ dataset: Dataset, format: @escaping @Sendable ([RequestFigure]) -> [UInt8], write: ([UInt8]) -> Void) {
        let companies = dataset.figuresByCompany.keys.sorted()
        var start = 0
        while start < companies.count {
            let batch = Array(companies[start..<min(start + batchSize, companies.count)])
            for chunk in parallelMap(batch, { company -> [UInt8] in
                format(dataset.figures(of: company))
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
        var fragments = ExportFragments(), out = ByteWriter(capacity: figures.count * 110)
        for figure in figures { fragments.csvRow(figure, into: &out) }
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
        var fragments = ExportFragments(), out = ByteWriter(capacity: figures.count * 330)
        for (index, figure) in figures.enumerated() {
            if index > 0 { out.comma() }
            fragments.jsonObject(figure, into: &out)
        }
        return out.bytes
    }

    /// Text from data, made inert for spreadsheets; `UnsafeCharacters` become U+FFFD.
    static func text(_ value: String) -> String {
        let clean = safe(value)
        guard let first = clean.first, "=+-@\t\r".contains(first) else { return clean }
        return "'" + clean
    }

    /// `UnsafeCharacters` replaced with U+FFFD, as in every other output.
    static func safe(_ value: String) -> String { UnsafeCharacters.replaced(in: value) }
}

