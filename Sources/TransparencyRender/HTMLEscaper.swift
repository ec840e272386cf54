import TransparencyModel

/// Escapes untrusted text for HTML text and quoted attribute values.
///
/// `&`, `<`, `>`, `"` and `'` become references; `UnsafeCharacters` become U+FFFD. Works on the
/// UTF-8 bytes; text with nothing to escape comes back as it is, uncopied.
public enum HTMLEscaper {
    public static func escape(_ text: String) -> String {
        var text = text
        let escaped: String? = text.withUTF8 { bytes in
            guard let first = firstToEscape(bytes) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 32)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            var index = first
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
                default:
                    let (value, length) = UnsafeCharacters.scalar(in: bytes, at: index)
                    if UnsafeCharacters.contains(value: value) {
                        output.append(contentsOf: "\u{FFFD}".utf8)
                    } else {
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                    }
                    index += length
                    continue
                }
                index += 1
            }
            return String(decoding: output, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// The index of the first byte that starts something to escape, or nil.
    private static func firstToEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if special[Int(byte)] { return index }
                index += 1
            } else {
                let (value, length) = UnsafeCharacters.scalar(in: bytes, at: index)
                if UnsafeCharacters.contains(value: value) { return index }
                index += length
            }
        }
        return nil
    }

    /// ASCII bytes that need escaping: the five markup characters and the unsafe controls.
    private static let special: [Bool] = (0..<128).map { byte in
        "&<>\"'".utf8.contains(UInt8(byte)) || UnsafeCharacters.contains(value: UInt32(byte))
    }
}
