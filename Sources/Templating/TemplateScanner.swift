/// One piece of a template's source: text, a line break or a tag, with where it starts.
struct TemplateToken: Sendable {
    enum Kind: Sendable, Equatable {
        case text, newline, variable, unescaped, section, inverted, close, comment, partial, parent, block, delimiters, pragma
    }

    var kind: Kind
    /// The text, or the tag's name (a pragma's content type).
    var text: String
    var line: Int
    var column: Int
    /// For a standalone partial or parent: the whitespace before it, given to every line it renders.
    var indentation = ""
}

/// Splits a template's source into tokens, following `{{=<% %>=}}` delimiter changes.
struct TemplateScanner {
    private let bytes: [UInt8]
    private var open = Array("{{".utf8), close = Array("}}".utf8)
    private var position = 0, line = 1, lineStart = 0
    private var tokens: [TemplateToken] = []

    init(_ source: String) { bytes = Array(source.utf8) }

    /// Every token, with standalone lines already removed.
    static func tokens(of source: String) throws(TemplateError) -> [TemplateToken] {
        var scanner = TemplateScanner(source)
        try scanner.scan()
        return StandaloneLines.remove(from: scanner.tokens)
    }

    private mutating func scan() throws(TemplateError) {
        var textStart = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte == open[0], matches(open, at: position) {
                addText(from: textStart, to: position)
                try tag()
                textStart = position
            } else if byte == 0x0A {
                let crlf = position > textStart && bytes[position - 1] == 0x0D
                addText(from: textStart, to: crlf ? position - 1 : position)
                tokens.append(TemplateToken(kind: .newline, text: crlf ? "\r\n" : "\n", line: line, column: column(of: position)))
                position += 1
                line += 1
                lineStart = position
                textStart = position
            } else {
                position += 1
            }
        }
        addText(from: textStart, to: position)
    }

    private mutating func addText(from start: Int, to end: Int) {
        guard end > start else { return }
        tokens.append(TemplateToken(kind: .text, text: string(start, end), line: line, column: column(of: start)))
    }

    private mutating func tag() throws(TemplateError) {
        let start = position, tagLine = line, tagColumn = column(of: start)
        position += open.count
        let sigil = position < bytes.count ? bytes[position] : 0
        func fail(_ kind: TemplateError.Kind) -> TemplateError { TemplateError(kind, line: tagLine, column: tagColumn) }
        // The content ends at the closing delimiter, preceded by `}` or `=` for those sigils.
        let suffix: [UInt8] = switch sigil {
        case UInt8(ascii: "{"): [UInt8(ascii: "}")] + close
        case UInt8(ascii: "="): [UInt8(ascii: "=")] + close
        default: close
        }
        guard let end = find(suffix, from: position) else { throw fail(.unclosedTag) }
        let kind: TemplateToken.Kind = switch sigil {
        case UInt8(ascii: "{"), UInt8(ascii: "&"): .unescaped
        case UInt8(ascii: "#"): .section
        case UInt8(ascii: "^"): .inverted
        case UInt8(ascii: "/"): .close
        case UInt8(ascii: "!"): .comment
        case UInt8(ascii: ">"): .partial
        case UInt8(ascii: "<"): .parent
        case UInt8(ascii: "$"): .block
        case UInt8(ascii: "="): .delimiters
        case UInt8(ascii: "%"): .pragma
        default: .variable
        }
        let contentStart = kind == .variable ? position : position + 1
        let content = string(contentStart, end).trimmingSpaces
        // Line breaks inside a tag (comments) count for later locations.
        for index in start..<end where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        position = end + suffix.count
        var token = TemplateToken(kind: kind, text: content, line: tagLine, column: tagColumn)
        switch kind {
        case .comment: break
        case .delimiters:
            let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else { throw fail(.invalidDelimiters) }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
        case .pragma:
            let words = content.split(separator: ":", maxSplits: 1)
            guard words.count == 2, words[0].trimmingSpaces == "CONTENT_TYPE" else { throw fail(.unknownPragma(content)) }
            token.text = words[1].trimmingSpaces
        default:
            guard !content.isEmpty, !content.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else {
                throw fail(.invalidName(content))
            }
            if content.contains("(") { throw fail(.unsupported("transforms such as uppercased(name)")) }
            if kind == .partial || kind == .parent, content.hasPrefix("*") { throw fail(.unsupported("dynamic partial names")) }
        }
        tokens.append(token)
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    private func find(_ pattern: [UInt8], from index: Int) -> Int? {
        var index = index
        while index + pattern.count <= bytes.count {
            if matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func string(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

    /// The 1-based column of a byte offset on the current line, counting characters' first bytes.
    private func column(of index: Int) -> Int {
        var column = 1
        for offset in lineStart..<index where bytes[offset] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
