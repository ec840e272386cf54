import Foundation

/// The last few distinct values of a column with their bytes: a file cycles through a few
/// processes, say, row after row, and each is read once.
struct RecentValues<Value> {
    private var keys: [[UInt8]] = []
    private var values: [Value] = []
    private var next = 0

    /// The value of the bytes at `field`: a recent one, or `read` from their text (nil when invalid).
    mutating func value(_ bytes: UnsafeBufferPointer<UInt8>, _ field: Range<Int>, read: (String) -> Value?) -> Value? {
        let slice = UnsafeBufferPointer(rebasing: bytes[field])
        for (index, key) in keys.enumerated() where key.count == slice.count {
            let equal = key.withUnsafeBufferPointer { stored in
                guard let stored = stored.baseAddress, let field = slice.baseAddress else { return slice.isEmpty }
                return memcmp(stored, field, slice.count) == 0
            }
            if equal { return values[index] }
        }
        guard let value = read(String(decoding: slice, as: UTF8.self)) else { return nil }
        if keys.count < 16 {
            keys.append(Array(slice))
            values.append(value)
        } else {
            keys[next] = Array(slice)
            values[next] = value
            next = (next + 1) % 16
        }
        return value
    }
}
