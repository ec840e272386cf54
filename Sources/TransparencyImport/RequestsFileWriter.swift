import TransparencyLoader
import TransparencyModel

/// Writes figures as a normalized requests file, sorted, one measure a row, so that the same
/// figures always give the same bytes.
public enum RequestsFileWriter {
    public static func csv(_ figures: [RequestFigure]) -> String {
        var output = RequestsFileParser.canonicalColumns.joined(separator: ",") + "\n"
        for figure in figures.sorted(by: { $0.key < $1.key }) {
            let fields = [
                figure.period.description, figure.jurisdiction.code, figure.process.rawValue, figure.publishedAs ?? "",
                figure.subject.rawValue, figure.measure.rawValue, figure.value.description, figure.regime?.rawValue ?? "",
                figure.sources.map(\.rawValue).joined(separator: ";"),
            ]
            output += fields.map(quoted).joined(separator: ",")
            output += "\n"
        }
        return output
    }

    /// A field quoted when it holds a comma, a quote, a line break, or spaces at either end.
    static func quoted(_ field: String) -> String {
        let needsQuotes = field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        var text = "\""
        for character in field { text += character == "\"" ? "\"\"" : String(character) }
        return text + "\""
    }
}
