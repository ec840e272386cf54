/// The links a dataset may hold: http, https and mailto URLs, and relative references.
public enum LinkCheck {
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// Whether `link` may appear in output.
    public static func isAllowed(_ link: String) -> Bool { problem(with: link) == nil }

    /// Nil when `link` is acceptable, otherwise why not.
    public static func problem(with link: String) -> String? {
        if link.isEmpty { return "the link is empty" }
        if link.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return "the link '\(link)' contains whitespace or control characters; encode them as %20 and the like"
        }
        // Markdown and HTML decode character references in links, so `javascript&#58;x` would
        // become `javascript:x` after this check: refuse them.
        if link.contains("&#") || containsNamedReference(link) {
            return "the link '\(link)' contains a character reference (&…;); write the characters themselves"
        }
        if link.hasPrefix("//") {
            return "the link '\(link)' is protocol-relative; write it with https:"
        }
        guard let scheme = scheme(of: link) else { return nil }
        guard allowedSchemes.contains(scheme.lowercased()) else {
            return "the link '\(link)' uses the scheme '\(scheme):'; only http, https, mailto and relative links are allowed"
        }
        if scheme.lowercased().hasPrefix("http") {
            let rest = link.dropFirst(scheme.count + 1)
            guard rest.hasPrefix("//"), rest.dropFirst(2).first.map({ $0 != "/" }) == true else {
                return "the link '\(link)' has no host"
            }
        }
        return nil
    }

    /// Whether `link` holds `&name;`: an ampersand, a letter, letters or digits, a semicolon.
    private static func containsNamedReference(_ link: String) -> Bool {
        let bytes = Array(link.utf8)
        func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
        for start in bytes.indices where bytes[start] == UInt8(ascii: "&") {
            var index = start + 1
            guard index < bytes.count, isLetter(bytes[index]) else { continue }
            while index < bytes.count, isLetter(bytes[index]) || (48...57).contains(bytes[index]) { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: ";") { return true }
        }
        return false
    }

    /// The scheme before the first `:` when that text has the form `[A-Za-z][A-Za-z0-9+.-]*`.
    private static func scheme(of link: String) -> String? {
        guard let colon = link.firstIndex(of: ":") else { return nil }
        let candidate = link[..<colon].utf8
        func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
        guard let first = candidate.first, isLetter(first) else { return nil }
        let valid = candidate.allSatisfy { byte in
            isLetter(byte) || (48...57).contains(byte) || byte == 43 || byte == 45 || byte == 46
        }
        return valid ? String(link[..<colon]) : nil
    }
}
