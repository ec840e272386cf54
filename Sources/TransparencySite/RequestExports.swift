import Foundation
import TransparencyLoader

/// The site's machine-readable copies of the request figures, one pair of files per company:
/// `<company>/requests.csv` and `<company>/requests.json` (schema version 2), each figure with
/// its sources, in key order; and `data/requests.json`, the list of those files. Written byte by
/// byte. (Schema version 1 put every figure of the dataset in two files: 2.1 GB for 500
/// companies of 10,000 figures, which no reader wants and every build had to rewrite.)
public enum RequestExports {
    public static let schemaVersion = 2

    static let csvColumns = [
        "company", "period", "period_start", "period_end", "jurisdiction", "jurisdiction_name", "process",
        "published_as", "subject", "measure", "value", "minimum", "maximum", "percentage", "regime", "sources",
    ]

    static let figuresDescription = "Government request figures as each company published them. value is the published figure (a number, a range min-max, a percentage, or - for not reported); minimum and maximum are null when not reported."

    /// A company's two files, made in one pass over its figures, in memory handed to the output
    /// files without a copy. CSV: one row per figure after a header, `minimum` and `maximum`
    /// empty when not reported, text cells that a spreadsheet would run as a formula (`=`, `+`,
    /// `-`, `@` first) given a leading `'`. JSON: the figures with the sources they cite, empty
    /// fields `null`.
    static func raw(company: Company, figures: [RequestFigure], sources: [SourceID: Source]) -> (csv: RawBytes, json: RawBytes) {
        var csv = ByteWriter(capacity: figures.count * 110 + 200)
        var json = ByteWriter(capacity: figures.count * 240 + 1000)
        fill(&csv, &json, company: company, figures: figures, sources: sources)
        return (csv.finish(), json.finish())
    }

    /// Writes both files into `csv` and `json`, in one pass over the figures.
    private static func fill(
        _ csv: inout ByteWriter, _ out: inout ByteWriter, company: Company, figures: [RequestFigure], sources: [SourceID: Source]
    ) {
        var fragments = ExportFragments()
        csv.append(csvColumns.joined(separator: ",") + "\n")
        out.append("{\"company\":{\"id\":"); out.jsonString(company.id.rawValue)
        out.append(",\"name\":"); out.jsonString(safe(company.name))
        out.append("},\"description\":"); out.jsonString(figuresDescription)
        out.append(",\"figures\":[")
        var cited = Set<SourceID>()
        var last: [SourceID]?
        figures.withUnsafeBufferPointer { figures in
            guard let base = figures.baseAddress else { return }
            for index in figures.indices {
                if index > 0 { out.comma() }
                let figure = base + index
                fragments.rows(figure, csv: &csv, json: &out)
                if figure.pointee.sources != last { cited.formUnion(figure.pointee.sources); last = figure.pointee.sources }
            }
        }
        out.append("],\"jurisdictions\":{")
        for (index, jurisdiction) in fragments.jurisdictionsSeen.sorted().enumerated() {
            if index > 0 { out.comma() }
            out.jsonString(jurisdiction.code); out.append(":"); out.jsonString(text(jurisdiction.name))
        }
        out.append("},\"periods\":{")
        for (index, period) in fragments.periodsSeen.sorted().enumerated() {
            if index > 0 { out.comma() }
            out.jsonString(period.description)
            out.append(":{\"end\":"); out.jsonString(period.end.description)
            out.append(",\"start\":"); out.jsonString(period.start.description)
            out.append("}")
        }
        out.append("},\"schema_version\":\(schemaVersion),\"sources\":{")
        var firstSource = true
        for id in cited.sorted() {
            guard let source = sources[id] else { continue }
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
    }

    /// What the list of exports says of one company.
    public struct Entry: Sendable, Hashable {
        public var company: CompanyID
        public var name: String
        public var figures: Int
    }

    /// `data/requests.json`: every company with figures, with the paths of its two files
    /// (relative to the site's root) and how many figures they hold.
    public static func index(_ entries: [Entry]) -> [UInt8] {
        var out = ByteWriter()
        out.append("{\"companies\":[")
        for (index, entry) in entries.enumerated() {
            if index > 0 { out.comma() }
            let id = entry.company.rawValue
            out.append("{\"csv\":"); out.jsonString("\(id)/requests.csv")
            out.append(",\"figures\":"); out.decimal(entry.figures)
            out.append(",\"id\":"); out.jsonString(id)
            out.append(",\"json\":"); out.jsonString("\(id)/requests.json")
            out.append(",\"name\":"); out.jsonString(safe(entry.name))
            out.append("}")
        }
        out.append("],\"description\":")
        out.jsonString("The request figures of each company, in CSV and in JSON (paths relative to the site's root). " + figuresDescription)
        out.append(",\"schema_version\":\(schemaVersion)}\n")
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

