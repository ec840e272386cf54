/// Where requests came from: an ISO 3166-1 alpha-2 country, or `WORLD` for all of them together.
public struct Jurisdiction: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// `US`, `GB`, … or `WORLD`.
    public let code: String

    /// The code for figures that cover every jurisdiction together.
    public static let world = Jurisdiction(uncheckedCode: "WORLD")

    /// A jurisdiction for an assigned ISO 3166-1 alpha-2 code or `WORLD`; nil otherwise.
    public init?(code: String) {
        guard code == Self.world.code || ISO3166.names[code] != nil else { return nil }
        self.code = code
    }

    private init(uncheckedCode code: String) { self.code = code }

    /// The jurisdiction an English country name stands for ("United States of America",
    /// "Türkiye", "China mainland"), ignoring case; nil when the name is not known.
    public init?(name: String) {
        let key = name.trimmingSpaces.lowercased()
        if key == "all jurisdictions" || key == "worldwide" || key == "total" {
            self = .world
            return
        }
        guard let code = ISO3166.codesByName[key] else { return nil }
        self.code = code
    }

    /// Every known name, for suggestions.
    public static var knownNames: [String] { Array(ISO3166.names.values) }

    /// `United States`, or `All jurisdictions`.
    public var name: String {
        code == Self.world.code ? "All jurisdictions" : ISO3166.names[code] ?? code
    }

    public var description: String { code }

    /// `WORLD` sorts first, then countries by code.
    public static func < (lhs: Jurisdiction, rhs: Jurisdiction) -> Bool {
        (lhs == world ? 0 : 1, lhs.code) < (rhs == world ? 0 : 1, rhs.code)
    }
}
