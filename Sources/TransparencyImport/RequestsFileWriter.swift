import TransparencyLoader
import TransparencyModel

/// Writes figures as a normalized requests file, sorted by key, one measure a row, so that the
/// same figures always give the same bytes.
public enum RequestsFileWriter {
    /// The file's bytes for `figures` taken in `order`.
    static func csv(_ figures: [RequestFigure], order: [Int]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(order.count * 64)
        output += Array((RequestsFileParser.canonicalColumns.joined(separator: ",") + "\n").utf8)
        for index in order {
            let figure = figures[index]
            output += figure.period.description.utf8
            output.append(UInt8(ascii: ","))
            output += figure.jurisdiction.code.utf8
            output.append(UInt8(ascii: ","))
            output += figure.process.rawValue.utf8
            output.append(UInt8(ascii: ","))
            CSVWriting.appendField(figure.publishedAs ?? "", to: &output)
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
}
