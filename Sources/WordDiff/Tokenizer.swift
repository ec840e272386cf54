import Foundation

/// Splits UTF-8 text into tokens: words (letters, digits, marks, `_`), runs of whitespace, and
/// single other characters (punctuation, symbols). Tokens are byte ranges, interned as integers
/// so that the diff compares numbers, not strings.
struct Tokenizer {
    /// Token start offsets, with one more entry at the end: token `i` is `starts[i]..<starts[i+1]`.
    private(set) var starts: [Int32] = []
    /// Token ids, equal for equal bytes (within one `Interner`).
    private(set) var ids: [Int32] = []
    /// Ids for alignment: every run of whitespace gets `Tokenizer.whitespaceID`, so that text
    /// wrapped differently still lines up word for word.
    private(set) var alignmentIDs: [Int32] = []
    /// Whether token `i` holds a line break.
    private(set) var breaks: [Bool] = []

    enum Class { case word, space, other }

    /// The alignment id of every whitespace run.
    static let whitespaceID: Int32 = -1

    init(_ bytes: [UInt8], interner: inout Interner) {
        starts.reserveCapacity(bytes.count / 3)
        ids.reserveCapacity(bytes.count / 3)
        breaks.reserveCapacity(bytes.count / 3)
        alignmentIDs.reserveCapacity(bytes.count / 3)
        bytes.withUnsafeBufferPointer { buffer in
            var position = 0
            while position < buffer.count {
                let start = position
                let (cls, width) = Self.classify(buffer, at: position)
                position += width
                var hasBreak = buffer[start] == 0x0A || buffer[start] == 0x0D
                if cls != .other {
                    while position < buffer.count {
                        let (next, nextWidth) = Self.classify(buffer, at: position)
                        guard next == cls else { break }
                        if buffer[position] == 0x0A || buffer[position] == 0x0D { hasBreak = true }
                        position += nextWidth
                    }
                }
                starts.append(Int32(start))
                let id = interner.id(buffer, start, position)
                ids.append(id)
                alignmentIDs.append(cls == .space ? Self.whitespaceID : id)
                breaks.append(hasBreak)
            }
        }
        starts.append(Int32(bytes.count))
    }

    /// The class of the character at `position` and its length in bytes.
    @inline(__always)
    static func classify(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int) -> (Class, Int) {
        switch buffer[position] {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: (.word, 1)
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: (.space, 1)
        case 0..<0x80: (.other, 1)
        default: classifyScalar(buffer, at: position)
        }
    }

    static func classifyScalar(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int) -> (Class, Int) {
        let byte = buffer[position]
        // Decode one scalar; invalid bytes count as one "other" character each.
        let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        guard width > 1, position + width <= buffer.count else { return (.other, 1) }
        var value = UInt32(byte) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for offset in 1..<width {
            let continuation = buffer[position + offset]
            guard continuation & 0xC0 == 0x80 else { return (.other, 1) }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return (.other, width) }
        let properties = scalar.properties
        if properties.isWhitespace { return (.space, width) }
        if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark {
            return (.word, width)
        }
        return (.other, width)
    }
}

/// Gives equal byte strings equal ids, across the two texts of a diff.
struct Interner {
    private var table: HashTable
    /// For each id, where its bytes first appeared in `storage`.
    private var spans: [(start: Int, end: Int)] = []
    /// The texts begun so far, one after another (one buffer: reading a text out of an array of
    /// texts retained and released it for every token).
    private var storage: [UInt8] = []
    /// Where the current text starts in `storage`.
    private var offset = 0

    /// An interner for texts of about `bytes` bytes in all (its table grows when they hold more
    /// distinct tokens than a quarter of that).
    init(bytes: Int = 1 << 16) {
        table = HashTable(capacity: min(1 << 14, max(64, bytes / 4)))
        storage.reserveCapacity(bytes)
    }

    /// Starts interning tokens of another text, whose bytes are kept to check for hash collisions.
    mutating func begin(_ bytes: [UInt8]) {
        offset = storage.count
        storage += bytes
    }

    mutating func id(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        // FNV-1a over the bytes; on a collision with different bytes, probe the next slot.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in start..<end { hash = (hash ^ UInt64(buffer[index])) &* 0x100_0000_01B3 }
        while true {
            guard let id = table[hash] else {
                let id = Int32(spans.count)
                table.set(hash, id)
                spans.append((offset + start, offset + end))
                return id
            }
            let span = spans[Int(id)]
            if span.end - span.start == end - start, storage.withUnsafeBufferPointer({ stored in
                guard let storedBase = stored.baseAddress, let base = buffer.baseAddress else { return end == start }
                return memcmp(storedBase + span.start, base + start, end - start) == 0
            }) {
                return id
            }
            hash &+= 0x9E37_79B9_7F4A_7C15
        }
    }
}
