import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Markdown
import TransparencyModel

/// What no output may hold, whatever the data: elements or attributes that run script, links
/// outside http, https, mailto and relative ones, unsafe characters, malformed XML.
enum OutputInvariants {
    static let elements: Set<String> = [
        "html", "head", "meta", "title", "link", "body", "a", "header", "nav", "main", "footer", "h1", "h2", "h3",
        "h4", "h5", "h6", "p", "ul", "ol", "li", "blockquote", "table", "caption", "thead", "tbody", "tr", "th", "td",
        "div", "figure", "figcaption", "svg", "desc", "style", "rect", "line", "text", "del", "ins", "em", "strong",
        "code", "pre", "br", "hr", "img",
    ]
    static let attributes: Set<String> = [
        "lang", "charset", "name", "content", "rel", "href", "type", "title", "class", "id", "scope", "role", "tabindex",
        "aria-label", "aria-labelledby", "viewbox", "x", "y", "x1", "x2", "y1", "y2", "width", "height", "text-anchor",
        "stroke-opacity", "src", "alt", "start", "xmlns",
    ]

    static func problems(in text: String, path: String) -> [String] {
        var problems: [String] = []
        if text.unicodeScalars.contains(where: UnsafeCharacters.contains) { problems.append("an unsafe character") }
        switch (path as NSString).pathExtension {
        case "html", "svg": problems += html(text, allowStyleElement: true)
        case "md":
            // Readers render Markdown reports with raw HTML allowed: only our own may appear.
            problems += html(CommonMark.html(text, options: .unsafe), allowStyleElement: false).map { "rendered: \($0)" }
        case "xml":
            let parser = XMLParser(data: Data(text.utf8))
            if !parser.parse() { problems.append("malformed XML: \(String(describing: parser.parserError))") }
        case "csv":
            for line in text.split(separator: "\n") where line.contains(",\"=") || line.contains(",=") || line.contains(",\"+") || line.contains(",@") {
                problems.append("a formula cell: \(line.prefix(80))")
            }
        default: break
        }
        return problems
    }

    /// The attribute value as a browser reads it: character references decoded.
    static func decodeReferences(_ value: String) -> String {
        var output = ""
        var rest = value[...]
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.firstIndex(of: ";") else { break }
            let name = String(rest[rest.index(after: rest.startIndex)..<semicolon])
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let replacement = named[name] {
                output += replacement
            } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                output.unicodeScalars.append(scalar)
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                output.unicodeScalars.append(scalar)
            } else {
                output += rest[...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return output + rest
    }

    /// Tags outside the allowlist, attributes that run script, and links with other schemes.
    static func html(_ html: String, allowStyleElement: Bool) -> [String] {
        var problems: [String] = []
        let tag = /<(\/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>/
        let attribute = /([A-Za-z_:][-A-Za-z0-9_:.]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/
        for match in html.matches(of: tag) {
            let name = match.2.lowercased()
            guard elements.contains(name), allowStyleElement || name != "style" else {
                problems.append("element <\(name)>")
                continue
            }
            for attr in String(match.3).matches(of: attribute) {
                let attrName = attr.1.lowercased()
                guard attributes.contains(attrName) else {
                    problems.append("attribute \(attrName) on <\(name)>")
                    continue
                }
                if attrName == "href" || attrName == "src", let raw = attr.2 {
                    var value = String(raw)
                    if value.hasPrefix("\"") || value.hasPrefix("'") { value = String(value.dropFirst().dropLast()) }
                    value = decodeReferences(value)
                    if !value.isEmpty, !value.hasPrefix("#"), !LinkCheck.isAllowed(value) {
                        problems.append("link \(value) on <\(name)>")
                    }
                }
            }
        }
        if html.range(of: "<script", options: .caseInsensitive) != nil { problems.append("a script element") }
        return problems
    }
}
