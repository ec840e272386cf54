import Foundation

/// An RFC 4180 CSV reader over UTF-8 bytes that knows where every field starts.
///
/// Fields are separated by commas (or another delimiter: `;`, a tab), records by LF or CRLF; a
/// field in double quotes may hold delimiters, line breaks and doubled quotes. A byte-order mark at the start is skipped. Blank lines
/// are skipped. Problems (an unterminated quote, text after a closing quote, invalid UTF-8) are
/// reported with their line and column, and reading goes on with the next record.
///
/// It works on bytes, for speed; the tests check it against SwiftCSV on generated files.
public struct CSVReader: Sequence {
    /// One record: its fields, the line it starts on, and the column (in characters) of each field.
    public struct Record: Sendable {
        public var fields: [String]
        public var line: Int
        public var columns: [Int]

        public func column(_ index: Int) -> Int { index < columns.count ? columns[index] : 1 }
    }

    /// A problem at a place in the text.
    public struct Problem: Error, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
        /// The index of the field the problem is in, where it is in one field (invalid UTF-8).
        public var field: Int? = nil
    }

    private let bytes: [UInt8]
    private let delimiter: UInt8

    public init(bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) {
        self.bytes = bytes
        self.delimiter = delimiter
    }

    public init(text: String) { self.init(bytes: Array(text.utf8)) }

    public func makeIterator() -> Iterator { Iterator(bytes: bytes, delimiter: delimiter) }

    /// Reads records one at a time; `problems` collects what could not be read.
    public struct Iterator: IteratorProtocol {
        private let bytes: [UInt8]
        private let delimiter: UInt8
        private var position: Int
        private var fieldIndex = 0
        private var line = 1
        private var lineStart: Int
        private var cursor = 0
        private var cursorColumn = 1
        public private(set) var problems: [Problem] = []

        init(bytes: [UInt8], delimiter: UInt8) {
            self.bytes = bytes
            self.delimiter = delimiter
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            position = bytes.starts(with: bom) ? 3 : 0
            lineStart = position
        }

        public mutating func next() -> Record? {
            skipBlankLines() ? readRecord() : nil
        }

        /// Passes blank lines; false at the end of the text.
        private mutating func skipBlankLines() -> Bool {
            while position < bytes.count {
                if bytes[position] == 0x0A {
                    newLine(after: position)
                } else if bytes[position] == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A {
                    newLine(after: position + 1)
                } else {
                    return true
                }
            }
            return false
        }

        /// A record as byte ranges of the file, when none of its fields is quoted: the first
        /// fields' ranges are written to `ranges` (as many as it holds) and the number of fields,
        /// the line and the offset where the record starts are returned; a record with a quote
        /// in it is read as `next()` reads it (no ranges, its fields decoded). Nil at the end.
        public mutating func nextRanges(_ ranges: inout [Range<Int>]) -> (line: Int, start: Int, fields: Int, record: Record?)? {
            guard skipBlankLines() else { return nil }
            let start = position, recordLine = line
            // The record's fields up to its line break, or nil at a quote.
            let split = bytes.withUnsafeBufferPointer { buffer in
                ranges.withUnsafeMutableBufferPointer { Self.splitLine(buffer, from: start, at: delimiter, into: $0) }
            }
            guard let (end, fields) = split else { return (recordLine, start, 0, readRecord()) }
            if end < bytes.count { newLine(after: end) } else { position = end }
            return (recordLine, start, fields, nil)
        }

        /// Splits the line that starts at `start` at its delimiters, writes the first fields' ranges
        /// to `ranges`, and returns where the line ends (its line feed, or the end of the text)
        /// and how many fields it has; nil when it holds a quote.
        private static func splitLine(
            _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, at delimiter: UInt8, into ranges: UnsafeMutableBufferPointer<Range<Int>>
        ) -> (end: Int, fields: Int)? {
            guard let base = buffer.baseAddress else { return nil }
            var lineEnd = buffer.count
            if let found = memchr(base + start, 0x0A, buffer.count - start) {
                lineEnd = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
            }
            guard memchr(base + start, 0x22, lineEnd - start) == nil else { return nil }
            var fieldStart = start, fields = 0
            while let comma = memchr(base + fieldStart, Int32(delimiter), lineEnd - fieldStart) {
                let index = UnsafePointer(comma.assumingMemoryBound(to: UInt8.self)) - base
                if fields < ranges.count { ranges[fields] = fieldStart..<index }
                fields += 1
                fieldStart = index + 1
            }
            if fields < ranges.count {
                ranges[fields] = fieldStart..<(lineEnd > fieldStart && base[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd)
            }
            return (lineEnd, fields + 1)
        }

        private mutating func newLine(after index: Int) {
            position = index + 1
            line += 1
            lineStart = position
        }

        /// The character column of `index` on the current line. Calls on one line come in
        /// increasing order, so the count goes on from the last one.
        private mutating func column(of index: Int) -> Int {
            if cursor < lineStart || cursor > index {
                cursor = lineStart
                cursorColumn = 1
            }
            while cursor < index {
                // UTF-8 continuation bytes don't start a character.
                if bytes[cursor] & 0xC0 != 0x80 { cursorColumn += 1 }
                cursor += 1
            }
            return cursorColumn
        }

        private mutating func readRecord() -> Record {
            let recordLine = line
            var fields: [String] = []
            var columns: [Int] = []
            while true {
                fieldIndex = fields.count
                columns.append(column(of: position))
                let (field, ended) = readField()
                fields.append(field)
                if ended { break }
            }
            return Record(fields: fields, line: recordLine, columns: columns)
        }

        /// Reads one field; `ended` is true when the record ends after it.
        private mutating func readField() -> (String, ended: Bool) {
            if position < bytes.count, bytes[position] == 0x22 { return readQuotedField() }
            let start = position
            while position < bytes.count {
                switch bytes[position] {
                case delimiter:
                    let field = string(start, position)
                    position += 1
                    return (field, false)
                case 0x0A:
                    let end = position > start && bytes[position - 1] == 0x0D ? position - 1 : position
                    let field = string(start, end)
                    newLine(after: position)
                    return (field, true)
                case 0x22:
                    problems.append(Problem(line: line, column: column(of: position), message: "a quote inside an unquoted field; quote the whole field and double the quote"))
                    position += 1
                default:
                    position += 1
                }
            }
            let end = position > start && bytes[position - 1] == 0x0D ? position - 1 : position
            return (string(start, end), true)
        }

        private mutating func readQuotedField() -> (String, ended: Bool) {
            let openLine = line, openColumn = column(of: position)
            position += 1
            var content: [UInt8] = []
            var segmentStart = position
            while position < bytes.count {
                let byte = bytes[position]
                if byte == 0x22 {
                    content.append(contentsOf: bytes[segmentStart..<position])
                    if position + 1 < bytes.count, bytes[position + 1] == 0x22 {
                        content.append(0x22)
                        position += 2
                        segmentStart = position
                        continue
                    }
                    position += 1
                    return (decode(content, at: openColumn), finishAfterQuote())
                }
                if byte == 0x0A {
                    line += 1
                    lineStart = position + 1
                }
                position += 1
            }
            problems.append(Problem(line: openLine, column: openColumn, message: "this quoted field is never closed"))
            content.append(contentsOf: bytes[segmentStart..<position])
            return (decode(content, at: openColumn), true)
        }

        /// After a closing quote: a comma, a line break or the end; anything else is a problem.
        private mutating func finishAfterQuote() -> Bool {
            var reported = false
            while position < bytes.count {
                switch bytes[position] {
                case delimiter:
                    position += 1
                    return false
                case 0x0A:
                    newLine(after: position)
                    return true
                case 0x0D where position + 1 < bytes.count && bytes[position + 1] == 0x0A:
                    position += 1
                default:
                    if !reported {
                        problems.append(Problem(line: line, column: column(of: position), message: "text after the closing quote of a field"))
                        reported = true
                    }
                    position += 1
                }
            }
            return true
        }

        private mutating func string(_ start: Int, _ end: Int) -> String {
            if let text = String(validating: bytes[start..<end], as: UTF8.self) { return text }
            return decode(bytes[start..<end], at: column(of: start))
        }

        /// The field's text; invalid UTF-8 is a problem at the field's `column`, and is
        /// replaced by U+FFFD so that the rest of the record can still be read.
        private mutating func decode<Bytes: Collection>(_ slice: Bytes, at column: Int) -> String where Bytes.Element == UInt8 {
            if let text = String(validating: slice, as: UTF8.self) { return text }
            problems.append(Problem(line: line, column: column, message: "the field is not valid UTF-8", field: fieldIndex))
            return String(decoding: slice, as: UTF8.self)
        }
    }
}
