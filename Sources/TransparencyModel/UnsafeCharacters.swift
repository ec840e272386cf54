/// Characters that must not reach any output from data: control characters that no HTML page or
/// XML feed may hold, the noncharacters U+FFFE and U+FFFF, and the bidirectional embedding,
/// override and isolate controls, which can make text read differently from what it is (a
/// "Trojan Source" spoof). Escapers replace them with U+FFFD, which shows that something was there.
public enum UnsafeCharacters {
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        case 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }
}
