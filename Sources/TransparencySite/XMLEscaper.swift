import TransparencyModel

/// Escapes text for XML content and attribute values; characters XML 1.0 forbids (C0 controls
/// other than tab, line feed and carriage return, and U+FFFE, U+FFFF) become U+FFFD.
public enum XMLEscaper {
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case _ where UnsafeCharacters.contains(scalar):
                output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
