/// A 64-bit FNV-1a hash of bytes: the same in every process (unlike `Hasher`, which is seeded
/// per process), for fingerprints kept between runs.
public enum StableHash {
    public static func of(_ parts: [[UInt8]]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            // A separator, so that ["ab", "c"] and ["a", "bc"] differ.
            hash ^= 0xFF
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
