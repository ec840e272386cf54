/// Values kept as the text they are written as in a dataset (`2013-07-11`, `2013-H1`, `0-499`),
/// so that what a build keeps for the next one is short and reads back exactly.
public protocol TextCodable: Codable, CustomStringConvertible {
    init?(parsing text: String)
}

extension TextCodable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a \(Self.self): \(text)")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension DataDate: TextCodable {}
extension Period: TextCodable {}

extension Count: TextCodable {
    /// `7458`, `0-499` or `-`, as `description` writes them.
    public init?(parsing text: String) {
        if text == "-" {
            self = .notReported
        } else if let value = Int(text) {
            self = .exact(value)
        } else {
            let bounds = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard bounds.count == 2, let minimum = bounds[0], let maximum = bounds[1] else { return nil }
            self = .range(minimum: minimum, maximum: maximum)
        }
    }
}
