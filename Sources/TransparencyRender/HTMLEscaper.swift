import TransparencyModel

/// Escapes untrusted text for HTML text and quoted attribute values.
///
/// `&`, `<`, `>`, `"` and `'` become references; `UnsafeCharacters` become U+FFFD. Works on the
/// UTF-8 bytes; text with nothing to escape comes back as it is, uncopied.
public enum HTMLEscaper {
    public static func escape(_ text: String) -> String {
        var text = text
        let escaped: String? = text.withUTF8 { bytes in
            // The table is read once per call: a global's lazy initialisation is checked at each use.
            special.withUnsafeBufferPointer { special in
                // Made at the first byte to escape; runs with nothing to escape are copied whole.
                var output: [UInt8]?
                var copied = 0, index = 0
                func replace(_ length: Int, with replacement: StaticString) {
                    if output == nil {
                        output = []
                        output?.reserveCapacity(bytes.count + 32)
                    }
                    output?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                    output?.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                    index += length
                    copied = index
                }
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        guard special[Int(byte)] else {
                            index += 1
                            continue
                        }
                        switch byte {
                        case UInt8(ascii: "&"): replace(1, with: "&amp;")
                        case UInt8(ascii: "<"): replace(1, with: "&lt;")
                        case UInt8(ascii: ">"): replace(1, with: "&gt;")
                        case UInt8(ascii: "\""): replace(1, with: "&quot;")
                        case UInt8(ascii: "'"): replace(1, with: "&#39;")
                        default: replace(1, with: "\u{FFFD}")
                        }
                    } else {
                        let (value, length) = UnsafeCharacters.scalar(in: bytes, at: index)
                        if UnsafeCharacters.contains(value: value) { replace(length, with: "\u{FFFD}") } else { index += length }
                    }
                }
                guard var result = output else { return nil }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
                return String(decoding: result, as: UTF8.self)
            }
        }
        return escaped ?? text
    }

    /// ASCII bytes that need escaping: the five markup characters and the unsafe controls.
    private static let special: [Bool] = (0..<128).map { byte in
        "&<>\"'".utf8.contains(UInt8(byte)) || UnsafeCharacters.contains(value: UInt32(byte))
    }
}
