import Foundation
import TransparencyLoader

/// The site's machine-readable copies of every request figure: `data/requests.csv` and
/// `data/requests.json` (schema version 1), in the same order, each figure with its sources.
public enum RequestExports {
    public static let schemaVersion = 1

    static let csvColumns = [
        "company", "period", "period_start", "period_end", "jurisdiction", "jurisdiction_name", "process",
        "published_as", "subject", "measure", "value", "minimum", "maximum", "percentage", "regime", "sources",
    ]

    static func sorted(_ dataset: Dataset) -> [RequestFigure] {
        dataset.figures.sorted { ($0.company, $0.key) < ($1.company, $1.key) }
    }

    /// One row per figure. `minimum` and `maximum` are empty when not reported; text cells that
    /// a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) get a leading `'`.
    public static func csv(_ dataset: Dataset) -> String {
        var output = csvColumns.joined(separator: ",") + "\n"
        for figure in sorted(dataset) {
            let (minimum, maximum, percentage) = bounds(figure.value)
            let fields: [String] = [
                figure.company.rawValue, figure.period.description, figure.period.start.description,
                figure.period.end.description, figure.jurisdiction.code, text(figure.jurisdiction.name),
                figure.process.rawValue, text(figure.publishedAs ?? ""), figure.subject.rawValue, figure.measure.rawValue,
                figure.value.description, minimum.map(String.init) ?? "", maximum.map(String.init) ?? "",
                percentage.map(number) ?? "", figure.regime?.rawValue ?? "",
                figure.sources.map(\.rawValue).joined(separator: ";"),
            ]
            output += fields.map(quoted).joined(separator: ",") + "\n"
        }
        return output
    }

    /// The same figures as JSON, with the sources they cite.
    public static func json(_ dataset: Dataset) -> String {
        struct Figure: Encodable {
            let company, period, period_start, period_end, jurisdiction, jurisdiction_name, process: String
            let published_as: String?
            let subject, measure, value: String
            let minimum, maximum: Int?
            let percentage: Double?
            let regime: String?
            let sources: [String]
        }
        struct SourceEntry: Encodable {
            let title, publisher, url: String
            let date, archived_url: String?
        }
        struct Document: Encodable {
            let schema_version: Int
            let description: String
            let figures: [Figure]
            let sources: [String: SourceEntry]
        }
        let figures = sorted(dataset).map { figure -> Figure in
            let (minimum, maximum, percentage) = bounds(figure.value)
            return Figure(
                company: figure.company.rawValue, period: figure.period.description,
                period_start: figure.period.start.description, period_end: figure.period.end.description,
                jurisdiction: figure.jurisdiction.code, jurisdiction_name: figure.jurisdiction.name,
                process: figure.process.rawValue, published_as: figure.publishedAs.map(safe), subject: figure.subject.rawValue,
                measure: figure.measure.rawValue, value: figure.value.description, minimum: minimum, maximum: maximum,
                percentage: percentage, regime: figure.regime?.rawValue, sources: figure.sources.map(\.rawValue))
        }
        let cited = Set(dataset.figures.flatMap(\.sources))
        var sources: [String: SourceEntry] = [:]
        for id in cited {
            guard let source = dataset.sources[id] else { continue }
            sources[id.rawValue] = SourceEntry(
                title: safe(source.title), publisher: safe(source.publisher), url: source.url,
                date: source.date?.description, archived_url: source.archivedURL)
        }
        let document = Document(
            schema_version: schemaVersion,
            description: "Government request figures as each company published them. value is the published figure (a number, a range min-max, a percentage, or - for not reported); minimum and maximum are null when not reported.",
            figures: figures, sources: sources)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
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

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
