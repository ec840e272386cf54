/// Writes a diff for people and programs.
public enum DiffFormatter {
    /// `[-deleted-]{+inserted+}` inline, as `git diff --word-diff=plain`; with ANSI colours
    /// (red and green) instead of brackets when `colour` is set.
    public static func text(_ diff: TextDiff, colour: Bool) -> String {
        diff.operations.map { operation in
            switch (operation.kind, colour) {
            case (.equal, _): operation.text
            case (.delete, false): "[-\(operation.text)-]"
            case (.insert, false): "{+\(operation.text)+}"
            case (.delete, true): "\u{1B}[31m\(operation.text)\u{1B}[0m"
            case (.insert, true): "\u{1B}[32m\(operation.text)\u{1B}[0m"
            }
        }.joined()
    }

    /// HTML: the text escaped, deletions in `<del>`, insertions in `<ins>`, line breaks kept by
    /// the element's `white-space: pre-wrap` style.
    public static func html(_ diff: TextDiff, escape: (String) -> String) -> String {
        var html = "<div class=\"diff\">"
        for operation in diff.operations {
            let text = escape(operation.text)
            switch operation.kind {
            case .equal: html += text
            case .delete: html += "<del>\(text)</del>"
            case .insert: html += "<ins>\(text)</ins>"
            }
        }
        return html + "</div>"
    }

    /// JSON: `{"identical": …, "operations": [{"op", "text", "old_offset", "new_offset"}]}`, with
    /// offsets in UTF-8 bytes.
    public static func json(_ diff: TextDiff) -> String {
        var json = "{\"identical\":\(diff.isIdentical),\"operations\":["
        for (index, operation) in diff.operations.enumerated() {
            if index > 0 { json += "," }
            json += "{\"op\":\"\(operation.kind.rawValue)\",\"text\":\(jsonString(operation.text)),"
            json += "\"old_offset\":\(operation.oldOffset),\"new_offset\":\(operation.newOffset)}"
        }
        return json + "]}"
    }

    /// A JSON string literal.
    public static func jsonString(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}

extension DiffFormatter {
    /// Markdown: each piece escaped by `escape` line by line, so line breaks and paragraphs stay;
    /// deletions and insertions in `<del>` and `<ins>`, closed at each line break.
    public static func markdown(_ diff: TextDiff, escape: (String) -> String) -> String {
        var output = ""
        for operation in diff.operations {
            for (index, line) in lines(operation.text).enumerated() {
                if index > 0 { output += "\n" }
                guard !line.isEmpty else { continue }
                let text = escape(line)
                switch operation.kind {
                case .equal: output += text
                case .delete: output += "<del>\(text)</del>"
                case .insert: output += "<ins>\(text)</ins>"
                }
            }
        }
        return output
    }

    /// `text` split at line feeds (`\r\n` is one character, and not split).
    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
