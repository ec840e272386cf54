/// Mustache's rule for lines that hold only tags that render nothing where they stand (sections,
/// comments, partials, delimiter changes, pragmas) and whitespace: the whole line goes, its
/// whitespace and line break too, and a standalone partial indents every line it renders by the
/// whitespace that stood before it.
enum StandaloneLines {
    static func remove(from tokens: [TemplateToken]) -> [TemplateToken] {
        var result: [TemplateToken] = []
        result.reserveCapacity(tokens.count)
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count, tokens[lineEnd].kind != .newline { lineEnd += 1 }
            let line = tokens[lineStart..<min(lineEnd + 1, tokens.count)]
            if isStandalone(line) {
                var indentation = ""
                for var token in line {
                    switch token.kind {
                    case .text: indentation += token.text
                    case .newline: break
                    default:
                        token.indentation = indentation
                        result.append(token)
                    }
                }
            } else {
                result += line
            }
            lineStart = lineEnd + 1
        }
        return result
    }

    private static func isStandalone(_ line: ArraySlice<TemplateToken>) -> Bool {
        var hasTag = false
        for token in line {
            switch token.kind {
            case .newline: continue
            case .text:
                guard token.text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return false }
            case .variable, .unescaped: return false
            default: hasTag = true
            }
        }
        return hasTag
    }
}
