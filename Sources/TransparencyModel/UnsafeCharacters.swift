/// Characters that must not reach any output from data: control characters that no HTML page or
/// XML feed may hold, the noncharacters U+FFFE and U+FFFF, and the bidirectional embedding,
/// override and isolate controls, which can make text read differently from what it is (a
/// "Trojan Source" spoof). Escapers replace them with U+FFFD, which shows that something was there.
public enum UnsafeCharacters {
    public static func contains(_ scalar: Unicode.Scalar) -> Bool { contains(value: scalar.value) }
}

extension UnsafeCharacters {
    /// The scalar that starts at `index` of valid UTF-8 `bytes`, and how many bytes it takes.
    @inlinable
    public static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F), 4)
    }

    /// Whether the scalar `value` is one of the unsafe characters.
    @inlinable
    public static func contains(value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// `text` with every unsafe character replaced by U+FFFD; `text` itself, uncopied, when it
    /// holds none (the common case, found by one pass over the UTF-8 bytes).
    public static func replaced(in text: String) -> String {
        var text = text
        let clean: String? = text.withUTF8 { bytes in
            var index = 0
            var found = false
            while index < bytes.count {
                // Printable ASCII, most of any text, is safe.
                if bytes[index] >= 0x20, bytes[index] < 0x7F {
                    index += 1
                    continue
                }
                let (value, length) = scalar(in: bytes, at: index)
                if contains(value: value) { found = true; break }
                index += length
            }
            guard found else { return nil }
            var output = String.UnicodeScalarView()
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
                output.append(contains(scalar) ? "\u{FFFD}" : scalar)
            }
            return String(output)
        }
        return clean ?? text
    }
}
