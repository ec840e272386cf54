import TransparencyLoader

/// Appends text to a growing block of raw memory, with CSV and JSON quoting: no reference
/// counting and no uniqueness checks per append, which an array of bytes pays each time (the
/// exports append a dozen pieces per figure). Not copyable: one owner writes it and takes its bytes.
struct ByteWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    /// How many bytes are written.
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 0) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always) private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        grow(to: count + extra)
    }

    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// The bytes written, from `range`.
    func bytes(in range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// Everything written, as an array (a copy).
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Everything written, handed over without a copy: the writer is done.
    consuming func finish() -> RawBytes {
        let raw = RawBytes(taking: base, count: count)
        discard self
        return raw
    }

    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let start = buffer.baseAddress, !buffer.isEmpty else { return }
        reserve(buffer.count)
        Self.copy(from: start, to: base + count, count: buffer.count)
        count += buffer.count
    }

    /// A range of bytes this writer holds already (`bytes(in:)` of an earlier append).
    mutating func appendCopy(of range: Range<Int>) {
        reserve(range.count)
        Self.copy(from: base + range.lowerBound, to: base + count, count: range.count)
        count += range.count
    }

    /// Copies `count` bytes between memory that doesn't overlap. The exports copy a dozen short
    /// pieces per figure: up to 64 bytes are copied here in words (the last word overlapping the
    /// one before), which costs less than a call to `memmove`.
    @inline(__always)
    private static func copy(from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        if count >= 8, count <= 64 {
            var offset = 0
            while offset + 8 < count {
                to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
                offset += 8
            }
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self), toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4, count < 8 {
            to.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self), toByteOffset: count - 4, as: UInt32.self)
        } else if count < 4 {
            for index in 0..<count { target[index] = source[index] }
        } else {
            target.update(from: source, count: count)
        }
    }

    /// A range of another writer's bytes.
    mutating func append(_ range: Range<Int>, of other: borrowing ByteWriter) {
        append(other.bytes(in: range))
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// A literal, copied as bytes.
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ other: [UInt8]) { other.withUnsafeBufferPointer { append($0) } }

    mutating func comma() { append(UInt8(ascii: ",")) }

    /// `value` in decimal, without making a string.
    mutating func decimal(_ value: Int) {
        reserve(20)
        if value < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        var magnitude = value.magnitude
        var digits = 1
        var limit: UInt = 10
        while magnitude >= limit, digits < 19 {  // a magnitude is below 10^19
            digits += 1
            limit &*= 10
        }
        var position = count + digits - 1
        repeat {
            base[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            position -= 1
        } while magnitude > 0
        count += digits
    }

    /// A CSV field, quoted as `CSVWriting` quotes it.
    mutating func csvField(_ text: String) {
        var field: [UInt8] = []
        CSVWriting.appendField(text, to: &field)
        append(field)
    }

    /// A JSON string literal.
    mutating func jsonString(_ text: String) {
        append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: append(0x5C); append(0x22)
            case 0x5C: append(0x5C); append(0x5C)
            case 0x0A: append(0x5C); append(UInt8(ascii: "n"))
            case 0x0D: append(0x5C); append(UInt8(ascii: "r"))
            case 0x09: append(0x5C); append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: append(byte)
            }
        }
        append(0x22)
    }
}
