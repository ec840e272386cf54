import Foundation

/// Splits a plain CSV line (no quotes) at its commas, eight bytes at a time.
enum RowSplitter {
    /// Splits the line that starts at `start` at its commas into `fields` (the line ends at a line
    /// feed or the end of the bytes): the number of fields, or nil when there are more than
    /// `fields` holds. Eight bytes are looked at a time.
    static func split(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into fields: UnsafeMutableBufferPointer<Range<Int>>
    ) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var end = bytes.count
        if let lineFeed = memchr(base + start, 0x0A, bytes.count - start) {
            end = UnsafePointer<UInt8>(lineFeed.assumingMemoryBound(to: UInt8.self)) - base
        }
        var count = 0, fieldStart = start, position = start
        func comma(at index: Int) -> Bool {
            guard count < fields.count - 1 else { return false }
            fields[count] = fieldStart..<index
            count += 1
            fieldStart = index + 1
            return true
        }
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F, commas: UInt64 = 0x2C2C_2C2C_2C2C_2C2C
        while position + 8 <= end {
            // A high bit for each byte that is a comma, exactly (no carry crosses bytes).
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)) ^ commas
            var found = ~(((word & lows) &+ lows) | word | lows)
            while found != 0 {
                guard comma(at: position + found.trailingZeroBitCount / 8) else { return nil }
                found &= found - 1
            }
            position += 8
        }
        while position < end {
            if base[position] == 0x2C, !comma(at: position) { return nil }
            position += 1
        }
        fields[count] = fieldStart..<end
        return count + 1
    }
}
