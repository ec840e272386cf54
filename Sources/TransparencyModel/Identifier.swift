/// A typed identifier: a slug of `[a-z0-9-]` naming one kind of entity.
///
/// `Identifier<Company>` and `Identifier<Source>` can't be mixed up; see the aliases below.
public struct Identifier<Entity>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The slug as written in the dataset.
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether `text` is a valid slug: one or more of `a-z`, `0-9` and `-`.
    public static func isValidSlug(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-")
        }
    }
}

public typealias CompanyID = Identifier<Company>
public typealias ServiceID = Identifier<Service>
public typealias SourceID = Identifier<Source>
public typealias StatementID = Identifier<Statement>
public typealias EvidenceID = Identifier<Evidence>
public typealias ClaimID = Identifier<Claim>
public typealias DocumentID = Identifier<Document>
public typealias EventID = Identifier<Event>
