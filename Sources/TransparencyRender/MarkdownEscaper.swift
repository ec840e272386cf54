import TransparencyModel

/// Turns untrusted text into Markdown that renders as exactly that text, on one line.
///
/// The output stays readable: only characters that can start Markdown syntax get a backslash.
/// - Always: `` \ ` * _ [ ] < > & | ~ $ `` (escapes, code, emphasis, links, HTML, entities,
///   GFM tables, strikethrough and math).
/// - At the start of the value, which a template may place at the start of a line: `# - + = >`
///   and the `.` or `)` after leading digits (headings, lists, setext underlines, quotes).
/// - Line breaks (and runs of them) fold into one space, so a value can't start a block.
/// - A leading space or tab becomes a character reference, so a value at the start of a line
///   can't open an indented code block; so does a leading byte order mark (U+FEFF), which cmark
///   drops at the start of a document, and a `+` after it would then open a list.
/// - `UnsafeCharacters` (controls, noncharacters, bidirectional overrides) become U+FFFD.
public enum MarkdownEscaper {
    public static func escape(_ text: String) -> String {
        if isPlain(text) { return text }
        var text = text
        return text.withUTF8 { escapeBytes($0) }
    }

    /// The escaping of `escape`, over UTF-8 bytes (values that start with a number or hold a
    /// line break come here: table cells, dates).
    private static func escapeBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        let always = Self.alwaysEscapedASCII, atStartEscaped = Self.startEscapedASCII
        var previousWasBreak = false, atStart = true, leadingDigits = true
        var index = 0
        while index < bytes.count {
            let (value, length) = UnsafeCharacters.scalar(in: bytes, at: index)
            defer { index += length }
            if value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029 {
                // At the start, the folded break becomes a reference, like a leading space.
                if atStart {
                    output.append(contentsOf: "&#32;".utf8)
                } else if !previousWasBreak {
                    output.append(0x20)
                }
                previousWasBreak = true
                atStart = false
                leadingDigits = false
                continue
            }
            previousWasBreak = false
            let wasStart = atStart
            atStart = false
            if wasStart, value == 0x20 || value == 0x09 || value == 0xFEFF {
                output.append(contentsOf: (value == 0x20 ? "&#32;" : value == 0x09 ? "&#9;" : "&#xFEFF;").utf8)
                leadingDigits = false
                continue
            }
            let isDigit = value >= 0x30 && value <= 0x39
            if value < 0x80, always[Int(value)] || (wasStart && atStartEscaped[Int(value)])
                || (leadingDigits && !wasStart && (value == 0x2E || value == 0x29)) {
                output.append(0x5C)
                output.append(UInt8(value))
            } else if UnsafeCharacters.contains(value: value) {
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
            } else {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
            }
            if !isDigit { leadingDigits = false }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `text` renders as itself with nothing escaped: it starts with no digit, space or
    /// start-of-line marker, and holds no escaped character, line break or unsafe character.
    /// One pass over the UTF-8 bytes, for the common case.
    private static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first else { return true }
            if first < 0x80, plainAtStart[Int(first)] == false { return false }
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return false }  // A byte order mark (see above).
            // The table is read once per call: a global's lazy initialisation is checked at each use.
            let plainASCII = Self.plainASCII
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if !plainASCII[Int(byte)] { return false }
                    index += 1
                } else {
                    let (value, length) = UnsafeCharacters.scalar(in: bytes, at: index)
                    if value == 0x2028 || value == 0x2029 || UnsafeCharacters.contains(value: value) { return false }
                    index += length
                }
            }
            return true
        }
    }

    private static let plainASCII: [Bool] = (0..<128).map { byte in
        !alwaysEscaped.contains(UInt32(byte)) && byte != 0x0A && byte != 0x0D && !UnsafeCharacters.contains(value: UInt32(byte))
    }
    private static let plainAtStart: [Bool] = (0..<128).map { byte in
        !startEscaped.contains(UInt32(byte)) && !(0x30...0x39).contains(byte) && byte != 0x20 && byte != 0x09
    }

    /// Escapes a link destination placed inside `(…)`: `\ ( ) & < >` get a backslash (which
    /// CommonMark removes again in destinations, and which keeps `&amp;` from being decoded);
    /// spaces and control characters are percent-encoded.
    public static func linkDestination(_ url: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in url.unicodeScalars {
            let value = scalar.value
            if value <= 0x20 || (0x7F...0x9F).contains(value) {
                output.append(contentsOf: "%\(value < 16 ? "0" : "")\(String(value, radix: 16, uppercase: true))".unicodeScalars)
                continue
            }
            if destinationEscaped.contains(value) { output.append("\\") }
            output.append(scalar)
        }
        return String(output)
    }

    private static let alwaysEscaped: Set<UInt32> = Set("\\`*_[]<>&|~$".unicodeScalars.map(\.value))
    private static let destinationEscaped: Set<UInt32> = Set("\\()&<>".unicodeScalars.map(\.value))
    private static let startEscaped: Set<UInt32> = Set("#-+=>".unicodeScalars.map(\.value))
    private static let alwaysEscapedASCII: [Bool] = (0..<128).map { alwaysEscaped.contains(UInt32($0)) }
    private static let startEscapedASCII: [Bool] = (0..<128).map { startEscaped.contains(UInt32($0)) }
}
