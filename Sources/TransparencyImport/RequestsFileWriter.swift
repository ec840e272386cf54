import TransparencyLoader
import TransparencyModel

/// Writes figures as a normalized requests file, sorted by key, one measure a row, so that the
/// same figures always give the same bytes.
public enum RequestsFileWriter {
    /// The file's bytes for `figures` in any order.
    public static func csv(_ figures: [RequestFigure]) -> [UInt8] {
        csv(figures, order: FigureOrder(figures).sortedIndices)
    }

    /// The file's bytes for `figures` taken in `order`.
    static func csv(_ figures: [RequestFigure], order: [Int]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(order.count * 64)
        output += Array((RequestsFileParser.canonicalColumns.joined(separator: ",") + "\n").utf8)
        var periodText: [Period: [UInt8]] = [:]
        for index in order {
            let figure = figures[index]
            if let text = periodText[figure.period] {
                output += text
            } else {
                let text = Array(figure.period.description.utf8)
                periodText[figure.period] = text
                output += text
            }
            output.append(UInt8(ascii: ","))
            output += figure.jurisdiction.code.utf8
            output.append(UInt8(ascii: ","))
            output += figure.process.rawValue.utf8
            output.append(UInt8(ascii: ","))
            appendQuoted(figure.publishedAs ?? "", to: &output)
            output.append(UInt8(ascii: ","))
            output += figure.subject.rawValue.utf8
            output.append(UInt8(ascii: ","))
            output += figure.measure.rawValue.utf8
            output.append(UInt8(ascii: ","))
            output += figure.value.description.utf8
            output.append(UInt8(ascii: ","))
            output += (figure.regime?.rawValue ?? "").utf8
            output.append(UInt8(ascii: ","))
            for (position, source) in figure.sources.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ";")) }
                output += source.rawValue.utf8
            }
            output.append(UInt8(ascii: "\n"))
        }
        return output
    }

    /// A field quoted when it holds a comma, a quote, a line break, or spaces at either end.
    static func appendQuoted(_ field: String, to output: inout [UInt8]) {
        let bytes = field.utf8
        let needsQuotes = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || bytes.first == 0x20 || bytes.last == 0x20
        guard needsQuotes else {
            output += bytes
            return
        }
        output.append(0x22)
        for byte in bytes {
            if byte == 0x22 { output.append(0x22) }
            output.append(byte)
        }
        output.append(0x22)
    }
}
