/// Writes values as compact bytes for the build cache: integers as LEB128 varints (zigzag for
/// signed ones), strings once each (a repeated string is written as the index of its first
/// appearance), collections with their counts first.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []
    private var strings: [String: Int] = [:]

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
            if let index = strings[value] {
                unsigned(UInt64(index) << 1 | 1)
                return
            }
            strings[value] = stringCount
        }
        stringCount += 1
        unsigned(UInt64(value.utf8.count) << 1)
        bytes.append(contentsOf: value.utf8)
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

    private let bytes: [UInt8]
    private var position = 0
    private var strings: [String] = []

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    mutating func unsigned() throws(Damaged) -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Damaged() }
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
        guard value <= UInt64(bytes.count - position) + 1 else { throw Damaged() }
        return Int(value)
    }

    mutating func bool() throws(Damaged) -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw Damaged() }
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
        guard length <= UInt64(bytes.count - position) else { throw Damaged() }
        let end = position + Int(length)
        let value = String(decoding: bytes[position..<end], as: UTF8.self)
        position = end
        strings.append(value)
        return value
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
