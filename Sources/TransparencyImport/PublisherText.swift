/// A publisher's file made ready for the CSV reader: its text as UTF-8 with line feeds, and the
/// delimiter its header uses.
///
/// Publishers' downloads come in UTF-8 (with or without a byte order mark), UTF-16 (with one),
/// Windows-1252 or Latin-1, with LF, CRLF or CR-only line endings, separated by commas,
/// semicolons or tabs.
struct PublisherText {
    /// A text encoding a mapping can name with `encoding:`.
    enum Encoding: String, CaseIterable, Sendable {
        case utf8 = "utf-8"
        case utf16 = "utf-16"
        case windows1252 = "windows-1252"
        case latin1 = "latin-1"
    }

    /// A field delimiter a mapping can name with `delimiter:`.
    enum Delimiter: String, CaseIterable, Sendable {
        case comma, semicolon, tab

        var byte: UInt8 {
            switch self {
            case .comma: UInt8(ascii: ",")
            case .semicolon: UInt8(ascii: ";")
            case .tab: 0x09
            }
        }

        /// How messages show it: `','`, `';'`, `tab`.
        var shown: String { self == .tab ? "tab" : "'\(Character(Unicode.Scalar(byte)))'" }
    }

    /// The text, as UTF-8 with line feeds (CRLF kept).
    let utf8: [UInt8]
    let delimiter: Delimiter
    /// Why the bytes could not be decoded as asked (a UTF-16 file without a byte order mark).
    let problem: String?

    init(bytes: [UInt8], encoding: Encoding?, delimiter: Delimiter?) {
        var problem: String?
        let decoded: [UInt8]
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            decoded = Self.fromUTF16(bytes)
        } else {
            switch encoding {
            case .utf16?:
                problem = "a UTF-16 file must start with a byte order mark (FF FE or FE FF); save it as UTF-8 or as UTF-16 with one"
                decoded = bytes
            case .windows1252?: decoded = Self.fromSingleByte(bytes, windows1252: true)
            case .latin1?: decoded = Self.fromSingleByte(bytes, windows1252: false)
            case .utf8?, nil: decoded = bytes
            }
        }
        utf8 = Self.withLineFeeds(decoded)
        self.delimiter = delimiter ?? Self.detectDelimiter(utf8)
        self.problem = problem
    }

    /// The delimiter of the header: of those that split the first data row into as many
    /// fields as the header (all of those in the header, when none does), the one that occurs
    /// most often outside quotes in the header; a comma on a tie or when there is none.
    static func detectDelimiter(_ bytes: [UInt8]) -> Delimiter {
        var lines: [[Delimiter: Int]] = [[:]]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            guard !quoted else { continue }
            if byte == 0x0A {
                if lines.count == 2 { break }
                lines.append([:])
            } else if let delimiter = Delimiter.allCases.first(where: { $0.byte == byte }) {
                lines[lines.count - 1][delimiter, default: 0] += 1
            }
        }
        let header = lines[0], row = lines.count > 1 ? lines[1] : nil
        let present = Delimiter.allCases.filter { header[$0] != nil }
        let matching = present.filter { row?[$0] == header[$0] }
        let candidates = matching.isEmpty ? present : matching
        return candidates.reduce(candidates.first ?? .comma) { (header[$1] ?? 0) > (header[$0] ?? 0) ? $1 : $0 }
    }

    /// The bytes with each carriage return that ends a line alone (old Mac line endings, as in
    /// some of Meta's downloads) made a line feed; CRLF is left as it is.
    static func withLineFeeds(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0D) else { return bytes }
        var output = bytes
        for index in output.indices where output[index] == 0x0D && (index + 1 == output.count || output[index + 1] != 0x0A) {
            output[index] = 0x0A
        }
        return output
    }

    /// UTF-16 after its byte order mark, as UTF-8; an unpaired surrogate becomes U+FFFD.
    private static func fromUTF16(_ bytes: [UInt8]) -> [UInt8] {
        let bigEndian = bytes[0] == 0xFE
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    /// Latin-1 (each byte its code point) or Windows-1252 (the same but for 0x80–0x9F, which
    /// hold typographic characters; its five unassigned bytes stay their code points, as web
    /// browsers decode them) as UTF-8.
    private static func fromSingleByte(_ bytes: [UInt8], windows1252: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            var scalar = UInt32(byte)
            if windows1252, (0x80...0x9F).contains(byte) { scalar = UInt32(windows1252High[Int(byte) - 0x80]) }
            output.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
        }
        return output
    }

    /// Windows-1252's characters for the bytes 0x80 to 0x9F.
    private static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
