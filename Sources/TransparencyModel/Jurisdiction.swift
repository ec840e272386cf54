/// Where requests came from: an ISO 3166-1 alpha-2 country, or `WORLD` for all of them together.
public struct Jurisdiction: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The code's ASCII bytes, the first in the highest byte (codes have at most five), so that
    /// codes compare as numbers in the order of their text.
    private let packed: UInt64

    /// `US`, `GB`, … or `WORLD`.
    public var code: String {
        String(unsafeUninitializedCapacity: 8) { buffer in
            var rest = packed, count = 0
            while rest != 0 {
                buffer[count] = UInt8(truncatingIfNeeded: rest >> 56)
                rest <<= 8
                count += 1
            }
            return count
        }
    }

    /// The code for figures that cover every jurisdiction together.
    public static let world = Jurisdiction(uncheckedCode: "WORLD")

    /// A jurisdiction for an assigned ISO 3166-1 alpha-2 code or `WORLD`; nil otherwise.
    public init?(code: String) {
        var code = code
        guard let jurisdiction = code.withUTF8({ Jurisdiction(utf8: $0) }) else { return nil }
        self = jurisdiction
    }

    /// A jurisdiction for the UTF-8 bytes of an assigned code or `WORLD` (no string is made).
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count == 2, let index = Self.letterIndex(bytes[0], bytes[1]), Self.assigned[index] {
            packed = Self.pack(bytes)
        } else if bytes.elementsEqual("WORLD".utf8) {
            self = .world
        } else {
            return nil
        }
    }

    /// 26 × first letter + second letter for two capital letters.
    private static func letterIndex(_ first: UInt8, _ second: UInt8) -> Int? {
        let a = UInt8(ascii: "A"), z = UInt8(ascii: "Z")
        guard first >= a, first <= z, second >= a, second <= z else { return nil }
        return Int(first - a) * 26 + Int(second - a)
    }

    /// Whether each two-letter code (by `letterIndex`) is assigned.
    private static let assigned: [Bool] = {
        var table = [Bool](repeating: false, count: 26 * 26)
        for code in ISO3166.names.keys {
            let bytes = Array(code.utf8)
            if bytes.count == 2, let index = letterIndex(bytes[0], bytes[1]) { table[index] = true }
        }
        return table
    }()

    /// For codes known to be `WORLD` or assigned: ASCII, at most eight bytes.
    private init(uncheckedCode code: String) { packed = Self.pack(code.utf8) }

    /// `packed` for a code's bytes (at most eight are kept).
    private static func pack(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var packed: UInt64 = 0
        for (index, byte) in bytes.prefix(8).enumerated() { packed |= UInt64(byte) << (56 - 8 * index) }
        return packed
    }

    /// The jurisdiction an English country name stands for ("United States of America",
    /// "Türkiye", "China mainland"), ignoring case; nil when the name is not known.
    public init?(name: String) {
        let key = name.trimmingSpaces.lowercased()
        if key == "all jurisdictions" || key == "worldwide" || key == "total" {
            self = .world
            return
        }
        guard let code = ISO3166.codesByName[key] else { return nil }
        self.init(uncheckedCode: code)
    }

    /// Every known name, for suggestions.
    public static var knownNames: [String] { Array(ISO3166.names.values) }

    /// `United States`, or `All jurisdictions`.
    public var name: String {
        self == .world ? "All jurisdictions" : ISO3166.names[code] ?? code
    }

    public var description: String { code }

    /// `WORLD` sorts first, then countries by code.
    public static func < (lhs: Jurisdiction, rhs: Jurisdiction) -> Bool {
        (lhs == world ? 0 : lhs.packed) < (rhs == world ? 0 : rhs.packed)
    }
}
