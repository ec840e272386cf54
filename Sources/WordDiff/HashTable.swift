/// An open-addressing hash table from 64-bit keys (already well mixed, like FNV hashes) to
/// integers: fewer steps than `Dictionary`, which re-hashes keys with SipHash.
struct HashTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The slot holding `key`, or the empty slot where it would go.
    private func slot(_ key: UInt64) -> Int {
        var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
        while values[index] >= 0, keys[index] != key { index = (index + 1) & mask }
        return index
    }

    subscript(key: UInt64) -> Int32? {
        let index = slot(key)
        return values[index] >= 0 ? values[index] : nil
    }

    /// Sets `key` to a non-negative value.
    mutating func set(_ key: UInt64, _ value: Int32) {
        if count * 2 >= keys.count { grow() }
        let index = slot(key)
        if values[index] < 0 { count += 1 }
        keys[index] = key
        values[index] = value
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where value >= 0 { set(key, value) }
    }
}
