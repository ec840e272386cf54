/// Writes values as compact bytes for the build cache: integers as LEB128 varints (zigzag for
/// signed ones), strings once each (a repeated string is written as the index of its first
/// appearance), collections with their counts first.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []
    /// The strings written so far, found by an FNV-1a hash of their bytes in an open-addressing
    /// table of indices into `written` (cheaper than a dictionary's SipHash for many short paths).
    private var written: [String] = []
    /// The number each string of `written` was written under (strings not looked up count too).
    private var numbers: [Int] = []
    private var slots = [Int32](repeating: -1, count: 1 << 12)

    /// Makes room for `count` bytes in all, so that writing a large cache doesn't copy it at
    /// every doubling.
    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    /// Bytes as they are, with no count (a header).
    mutating func raw(_ value: some Collection<UInt8>) { bytes.append(contentsOf: value) }

    mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func int(_ value: Int) {
        let value = Int64(value)
        unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func double(_ value: Double) { unsigned(value.bitPattern) }

    private var stringCount = 0

    /// A string, written once: again, it is the index of its first appearance. With
    /// `repeated: false` (a string known to come once) it is written without looking it up.
    mutating func string(_ value: String, repeated: Bool = true) {
        if repeated {
            var slot = Self.hash(value) & (slots.count - 1)
            while slots[slot] >= 0 {
                let known = Int(slots[slot])
                if written[known] == value {
                    unsigned(UInt64(numbers[known]) << 1 | 1)
                    return
                }
                slot = (slot + 1) & (slots.count - 1)
            }
            slots[slot] = Int32(written.count)
            written.append(value)
            numbers.append(stringCount)
            if written.count * 2 > slots.count { grow() }
        }
        stringCount += 1
        unsigned(UInt64(value.utf8.count) << 1)
        bytes.append(contentsOf: value.utf8)
    }

    private static func hash(_ value: String) -> Int {
        var value = value
        return value.withUTF8 { bytes in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            return Int(truncatingIfNeeded: hash ^ (hash >> 32))
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (index, value) in written.enumerated() {
            var slot = Self.hash(value) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(index)
        }
    }

    /// Bytes written elsewhere (a part with its own strings), with their count first.
    mutating func blob(_ value: some Collection<UInt8>) {
        unsigned(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout BinaryWriter, Value) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<Value>(_ values: [Value], _ write: (inout BinaryWriter, Value) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(&self, value) }
    }
}

/// Reads what `BinaryWriter` wrote. Any inconsistency throws: a damaged cache is never trusted.
struct BinaryReader {
    struct Damaged: Error {}

    /// The bytes, read from `position` to the end: a slice of a larger buffer shares its storage.
    private let bytes: ArraySlice<UInt8>
    private var position: Int
    private var strings: [String] = []

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    init(_ bytes: [UInt8]) { self.init(bytes[...]) }

    var isAtEnd: Bool { position == bytes.endIndex }

    mutating func unsigned() throws(Damaged) -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard position < bytes.endIndex, shift < 64 else { throw Damaged() }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(Damaged) -> Int {
        let raw = try unsigned()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    mutating func length() throws(Damaged) -> Int {
        let value = try unsigned()
        guard value <= UInt64(bytes.endIndex - position) + 1 else { throw Damaged() }
        return Int(value)
    }

    mutating func bool() throws(Damaged) -> Bool {
        guard position < bytes.endIndex, bytes[position] <= 1 else { throw Damaged() }
        position += 1
        return bytes[position - 1] == 1
    }

    mutating func double() throws(Damaged) -> Double { Double(bitPattern: try unsigned()) }

    mutating func string() throws(Damaged) -> String {
        let header = try unsigned()
        if header & 1 == 1 {
            let index = header >> 1
            guard index < UInt64(strings.count) else { throw Damaged() }
            return strings[Int(index)]
        }
        let length = header >> 1
        guard length <= UInt64(bytes.endIndex - position) else { throw Damaged() }
        let end = position + Int(length)
        let value = String(decoding: bytes[position..<end], as: UTF8.self)
        position = end
        strings.append(value)
        return value
    }

    /// Bytes written by `BinaryWriter.blob`: a slice of the bytes read, not a copy.
    mutating func blob() throws(Damaged) -> ArraySlice<UInt8> {
        let count = try unsigned()
        guard count <= UInt64(bytes.endIndex - position) else { throw Damaged() }
        let end = position + Int(count)
        defer { position = end }
        return bytes[position..<end]
    }

    mutating func optional<Value>(_ read: (inout BinaryReader) throws(Damaged) -> Value) throws(Damaged) -> Value? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<Value>(_ read: (inout BinaryReader) throws(Damaged) -> Value) throws(Damaged) -> [Value] {
        let count = try length()
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
}
