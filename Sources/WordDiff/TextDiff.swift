/// A word-level difference between two texts.
///
/// Tokens are words, runs of whitespace and single punctuation characters. The alignment trims
/// the common prefix and suffix, anchors on lines (then tokens) that occur once on each side, and
/// runs Myers' O(ND) algorithm between anchors; a semantic clean-up then folds the small common
/// pieces between changes (spaces, punctuation, a short word between long changes) into them,
/// so that a changed phrase reads as one deletion and one insertion.
///
/// Invariant: the equal and deleted pieces, in order, are the old text; the equal and inserted
/// pieces are the new text.
public struct TextDiff: Sendable, Equatable {
    /// What happens to a piece of text.
    public enum Kind: String, Sendable, Codable {
        case equal, delete, insert
    }

    /// A piece of text, with where it starts in the old and new texts (UTF-8 byte offsets).
    public struct Operation: Sendable, Equatable {
        public var kind: Kind
        public var text: String
        public var oldOffset: Int
        public var newOffset: Int
    }

    public let operations: [Operation]

    /// Compares `old` with `new`.
    public init(old: String, new: String) {
        self = Self.successive([old, new])[0]
    }

    /// Each text compared with the one before it (`texts.count - 1` diffs): every text is split
    /// into tokens once, not once for each of its two diffs.
    public static func successive(_ texts: [String]) -> [TextDiff] {
        guard texts.count > 1 else { return [] }
        var interner = Interner(bytes: texts.reduce(0) { $0 + $1.utf8.count })
        let tokenized = texts.map { text -> (bytes: [UInt8], tokens: Tokenizer) in
            let bytes = Array(text.utf8)
            interner.begin(bytes)
            return (bytes, Tokenizer(bytes, interner: &interner))
        }
        return zip(tokenized, tokenized.dropFirst()).map { old, new in
            TextDiff(a: old.tokens, b: new.tokens, oldBytes: old.bytes, newBytes: new.bytes)
        }
    }

    /// Compares two texts split into tokens by one interner.
    private init(a: Tokenizer, b: Tokenizer, oldBytes: [UInt8], newBytes: [UInt8]) {
        let aligned = Self.separatingWhitespaceChanges(Aligner(a: a, b: b).script, a: a, b: b)
        let script = SemanticCleanup.clean(aligned, a: a, b: b, oldBytes: oldBytes, newBytes: newBytes)
        var operations: [Operation] = []
        var aToken = 0, bToken = 0
        for (kind, count) in zip(script.kinds, script.counts) {
            let oldStart = Int(a.starts[aToken]), newStart = Int(b.starts[bToken])
            switch kind {
            case .equal:
                let end = Int(a.starts[aToken + count])
                operations.append(Operation(kind: .equal, text: Self.text(oldBytes, oldStart, end), oldOffset: oldStart, newOffset: newStart))
                aToken += count
                bToken += count
            case .delete:
                let end = Int(a.starts[aToken + count])
                operations.append(Operation(kind: .delete, text: Self.text(oldBytes, oldStart, end), oldOffset: oldStart, newOffset: newStart))
                aToken += count
            case .insert:
                let end = Int(b.starts[bToken + count])
                operations.append(Operation(kind: .insert, text: Self.text(newBytes, newStart, end), oldOffset: oldStart, newOffset: newStart))
                bToken += count
            }
        }
        self.operations = operations
    }

    /// Alignment treats all whitespace runs as equal; where two aligned runs differ ("\n" for
    /// " " in rewrapped text), this turns them into a deletion and an insertion.
    private static func separatingWhitespaceChanges(_ script: EditScript, a: Tokenizer, b: Tokenizer) -> EditScript {
        var result = EditScript()
        var aToken = 0, bToken = 0
        for (kind, count) in zip(script.kinds, script.counts) {
            switch kind {
            case .delete:
                result.append(.delete, count)
                aToken += count
            case .insert:
                result.append(.insert, count)
                bToken += count
            case .equal:
                var run = 0
                for offset in 0..<count where a.ids[aToken + offset] != b.ids[bToken + offset] {
                    result.append(.equal, offset - run)
                    result.append(.delete, 1)
                    result.append(.insert, 1)
                    run = offset + 1
                }
                result.append(.equal, count - run)
                aToken += count
                bToken += count
            }
        }
        return result
    }

    /// Whether the texts are the same.
    public var isIdentical: Bool { operations.allSatisfy { $0.kind == .equal } }

    /// The old text, rebuilt from the equal and deleted pieces.
    public var oldText: String { operations.filter { $0.kind != .insert }.map(\.text).joined() }

    /// The new text, rebuilt from the equal and inserted pieces.
    public var newText: String { operations.filter { $0.kind != .delete }.map(\.text).joined() }

    /// Applies the diff to `old`: nil when `old` is not the text the diff was made from.
    public func apply(to old: String) -> String? {
        let bytes = Array(old.utf8)
        var result: [UInt8] = []
        var position = 0
        for operation in operations {
            let piece = Array(operation.text.utf8)
            switch operation.kind {
            case .equal, .delete:
                guard operation.oldOffset == position, position + piece.count <= bytes.count,
                      bytes[position..<(position + piece.count)].elementsEqual(piece) else { return nil }
                position += piece.count
                if operation.kind == .equal { result += piece }
            case .insert:
                result += piece
            }
        }
        guard position == bytes.count else { return nil }
        return String(decoding: result, as: UTF8.self)
    }

    /// Words (whitespace-separated runs) in the deleted and inserted pieces.
    public var changedWordCount: Int {
        operations.filter { $0.kind != .equal }.reduce(0) { total, operation in
            total + Self.wordCount(operation.text)
        }
    }

    /// The number of whitespace-separated runs in `text`; ASCII text is counted byte by byte
    /// (`Character.isWhitespace` looks each character up in Unicode's tables).
    static func wordCount(_ text: String) -> Int {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(whereSeparator: \.isWhitespace).count }
        var count = 0, inWord = false
        for byte in text.utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    private static func text(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
