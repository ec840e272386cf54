/// Makes a link from data a valid URL attribute value: characters URLs may not hold (spaces,
/// quotes, `<>[]{}|\^` and backticks, non-ASCII) are percent-encoded as UTF-8, the rest is kept
/// (`%` too, as the start of an existing escape), then the whole is escaped for HTML. The same
/// rule as cmark's for Markdown links, so both kinds of link come out alike.
public enum URLEscaper {
    public static func href(_ url: String) -> String {
        var encoded = ""
        for byte in url.utf8 {
            if isKept(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return HTMLEscaper.escape(encoded)
    }

    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_.!~*'();/?:@&=+$,%#".utf8.contains(byte)
        }
    }
}
