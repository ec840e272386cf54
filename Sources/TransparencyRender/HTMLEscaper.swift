import TransparencyModel

/// Escapes untrusted text for HTML text and quoted attribute values.
///
/// `&`, `<`, `>`, `"` and `'` become references; `UnsafeCharacters` become U+FFFD.
public enum HTMLEscaper {
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case _ where UnsafeCharacters.contains(scalar):
                output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
