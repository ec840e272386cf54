import TransparencyModel

/// The numbered list of sources a report cites, each with an anchor that citations link to.
public struct SourceList: Block {
    public var sources: [Source]

    public init(sources: [Source]) { self.sources = sources }

    public func markdown() -> String {
        sources.enumerated().map { index, source in
            let number = index + 1
            var line = "\(number). <a id=\"\(Citation.anchor(number))\"></a>\(MarkdownEscaper.escape(source.publisher)): "
            line += "[\(MarkdownEscaper.escape(source.title))](\(MarkdownEscaper.linkDestination(source.url)))"
            if let date = source.date { line += ", \(date.longDescription)" }
            if let archived = source.archivedURL { line += " ([archived copy](\(MarkdownEscaper.linkDestination(archived))))" }
            return line
        }.joined(separator: "\n")
    }

    public func html() -> String {
        var html = "<ol class=\"sources\">\n"
        for (index, source) in sources.enumerated() {
            html += "<li id=\"\(Citation.anchor(index + 1))\">\(HTMLEscaper.escape(source.publisher)): "
            html += "<a href=\"\(URLEscaper.href(source.url))\">\(HTMLEscaper.escape(source.title))</a>"
            if let date = source.date { html += ", \(date.longDescription)" }
            if let archived = source.archivedURL {
                html += " (<a href=\"\(URLEscaper.href(archived))\">archived copy</a>)"
            }
            html += "</li>\n"
        }
        return html + "</ol>"
    }
}
