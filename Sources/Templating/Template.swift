/// A parsed template: a tree of nodes, each name split at its dots, each interpolation with the
/// content type in force where it stands.
public struct Template: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        /// `{{name}}` (escaped by the content type at `escaper`) or `{{{name}}}` (nil).
        case variable(Name, escaper: Int?)
        case section(Name, [Node], inverted: Bool)
        case partial(String, indentation: String)
        /// `{{<parent}}…{{/parent}}`: the parent's template with these blocks in place of its own.
        case parent(String, indentation: String, blocks: [String: [Node]])
        /// `{{$name}}default{{/name}}`.
        case block(String, [Node])
    }

    /// A dotted name's parts; no parts is `.`, the current value.
    struct Name: Sendable {
        var parts: [String]
        init(_ text: String) { parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
    }

    let nodes: [Node]
    /// The source, for partials that must be indented.
    let source: String

    /// Parses `source`; `contentTypes` are the names `{{% CONTENT_TYPE: name}}` may give, and
    /// interpolations before any such pragma use the first.
    init(_ source: String, contentTypes: [String]) throws(TemplateError) {
        self.source = source
        var builder = TreeBuilder(contentTypes: contentTypes)
        for token in try TemplateScanner.tokens(of: source) { try builder.add(token) }
        nodes = try builder.finish()
    }
}

/// Nests sections as tokens come.
private struct TreeBuilder {
    private struct Frame {
        var token: TemplateToken
        var nodes: [Template.Node] = []
    }

    let contentTypes: [String]
    private var frames = [Frame(token: TemplateToken(kind: .section, text: "", line: 1, column: 1))]
    private var escaper = 0

    init(contentTypes: [String]) { self.contentTypes = contentTypes }

    mutating func add(_ token: TemplateToken) throws(TemplateError) {
        switch token.kind {
        case .text, .newline: append(text: token.text)
        case .variable: append(.variable(Template.Name(token.text), escaper: escaper))
        case .unescaped: append(.variable(Template.Name(token.text), escaper: nil))
        case .section, .inverted, .parent, .block: frames.append(Frame(token: token))
        case .close:
            guard frames.count > 1, let frame = frames.popLast() else {
                throw TemplateError(.mismatchedClose(expected: nil, found: token.text), line: token.line, column: token.column)
            }
            guard frame.token.text == token.text else {
                throw TemplateError(.mismatchedClose(expected: frame.token.text, found: token.text), line: token.line, column: token.column)
            }
            let name = frame.token.text
            switch frame.token.kind {
            case .parent:
                var blocks: [String: [Template.Node]] = [:]
                for case .block(let blockName, let nodes) in frame.nodes { blocks[blockName] = nodes }
                append(.parent(name, indentation: frame.token.indentation, blocks: blocks))
            case .block: append(.block(name, frame.nodes))
            default: append(.section(Template.Name(name), frame.nodes, inverted: frame.token.kind == .inverted))
            }
        case .partial: append(.partial(token.text, indentation: token.indentation))
        case .comment, .delimiters: break
        case .pragma:
            guard let index = contentTypes.firstIndex(of: token.text) else {
                throw TemplateError(.unknownPragma(token.text), line: token.line, column: token.column)
            }
            escaper = index
        }
    }

    mutating func finish() throws(TemplateError) -> [Template.Node] {
        guard frames.count == 1, let root = frames.first else {
            let open = frames[frames.count - 1].token
            throw TemplateError(.unclosedSection(open.text), line: open.line, column: open.column)
        }
        return root.nodes
    }

    private mutating func append(_ node: Template.Node) { frames[frames.count - 1].nodes.append(node) }

    private mutating func append(text: String) {
        if case .text(let previous)? = frames[frames.count - 1].nodes.last {
            frames[frames.count - 1].nodes[frames[frames.count - 1].nodes.count - 1] = .text(previous + text)
        } else {
            append(.text(text))
        }
    }
}
