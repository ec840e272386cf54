import TransparencyLoader
import TransparencyModel

/// Writes figures as a normalized requests file, sorted by key, one measure a row, so that the
/// same figures always give the same bytes. A figure's earlier editions are rows of their own,
/// before it, and the file then has an `edition` column; figures with a publisher's footnote
/// give it a `note` column.
public enum RequestsFileWriter {
    /// The file's bytes for `figures` taken in `order`.
    static func csv(_ figures: [RequestFigure], order: [Int]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(order.count * 64)
        let editions = order.contains { figures[$0].edition != nil || !figures[$0].earlierEditions.isEmpty }
        let notes = order.contains { figures[$0].note != nil }
        let header = RequestsFileParser.canonicalColumns + (editions ? ["edition"] : []) + (notes ? ["note"] : [])
        output += Array((header.joined(separator: ",") + "\n").utf8)
        for index in order {
            let figure = figures[index]
            for earlier in figure.earlierEditions {
                var row = figure
                (row.value, row.sources, row.edition) = (earlier.value, earlier.sources, earlier.edition)
                append(row, editions: editions, notes: notes, to: &output)
            }
            append(figure, editions: editions, notes: notes, to: &output)
        }
        return output
    }

    private static func append(_ figure: RequestFigure, editions: Bool, notes: Bool, to output: inout [UInt8]) {
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
        if editions {
            output.append(UInt8(ascii: ","))
            output += (figure.edition?.description ?? "").utf8
        }
        if notes {
            output.append(UInt8(ascii: ","))
            CSVWriting.appendField(figure.note ?? "", to: &output)
        }
        output.append(UInt8(ascii: "\n"))
    }
}
