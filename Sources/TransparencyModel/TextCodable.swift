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

extension Diagnostic: Codable {
    private enum CodingKeys: String, CodingKey { case path, line, column, severity, message }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let severity = Severity(rawValue: try container.decode(String.self, forKey: .severity)) else {
            throw DecodingError.dataCorruptedError(forKey: .severity, in: container, debugDescription: "not a severity")
        }
        let location = SourceLocation(
            path: try container.decode(String.self, forKey: .path), line: try container.decode(Int.self, forKey: .line),
            column: try container.decode(Int.self, forKey: .column))
        self.init(location, try container.decode(String.self, forKey: .message), severity: severity)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(location.path, forKey: .path)
        try container.encode(location.line, forKey: .line)
        try container.encode(location.column, forKey: .column)
        try container.encode(severity.rawValue, forKey: .severity)
        try container.encode(message, forKey: .message)
    }
}
