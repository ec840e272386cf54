/// A table rendered from data: a pipe table in Markdown, a `<table>` with `<caption>` and `scope`
/// attributes in HTML. The first column holds row headers.
public struct Table: Block {
    /// Column alignment.
    public enum Alignment: Sendable { case leading, trailing }

    /// A cell: text, and citations of numbered sources shown as `[n]` links.
    public struct Cell: Sendable, ExpressibleByStringLiteral {
        public var text: String
        public var citations: [Int]
        public init(_ text: String, citations: [Int] = []) {
            self.text = text
            self.citations = citations
        }
        public init(stringLiteral value: String) { self.init(value) }
    }

    public var caption: String
    public var columns: [String]
    public var alignments: [Alignment]
    public var rows: [[Cell]]

    public init(caption: String, columns: [String], alignments: [Alignment]? = nil, rows: [[Cell]]) {
        self.caption = caption
        self.columns = columns
        self.alignments = alignments ?? columns.map { _ in .leading }
        self.rows = rows
    }

    public func markdown() -> String {
        var lines = ["*\(MarkdownEscaper.escape(caption))*", ""]
        lines.append("| " + columns.map(MarkdownEscaper.escape).joined(separator: " | ") + " |")
        lines.append("|" + alignments.map { $0 == .trailing ? " ---: " : " --- " }.joined(separator: "|") + "|")
        for row in rows {
            lines.append("| " + row.map(markdownCell).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    public func html() -> String {
        // A wide table scrolls on its own; the region is focusable so keyboards can scroll it.
        var html = "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(HTMLEscaper.escape(caption))\">\n"
        html += "<table>\n<caption>\(HTMLEscaper.escape(caption))</caption>\n<thead>\n<tr>"
        for column in columns { html += "<th scope=\"col\">\(HTMLEscaper.escape(column))</th>" }
        html += "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                let numeric = index < alignments.count && alignments[index] == .trailing ? " class=\"number\"" : ""
                html += index == 0
                    ? "<th scope=\"row\">\(htmlCell(cell))</th>"
                    : "<td\(numeric)>\(htmlCell(cell))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>"
    }

    private func markdownCell(_ cell: Cell) -> String {
        let text = cell.text.isEmpty ? "" : MarkdownEscaper.escape(cell.text)
        return ([text] + cell.citations.map(Citation.markdown)).filter { !$0.isEmpty }.joined(separator: " ")
    }

    private func htmlCell(_ cell: Cell) -> String {
        ([HTMLEscaper.escape(cell.text)] + cell.citations.map(Citation.html)).filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// How a numbered source is cited: `[3]` linking to `#source-3`.
public enum Citation {
    public static func anchor(_ number: Int) -> String { "source-\(number)" }
    public static func markdown(_ number: Int) -> String { "[\\[\(number)\\]](#\(anchor(number)))" }
    public static func html(_ number: Int) -> String { "<a href=\"#\(anchor(number))\">[\(number)]</a>" }
}
