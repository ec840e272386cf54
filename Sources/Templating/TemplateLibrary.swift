/// Templates by name, rendered with one another as partials (`{{> name}}`) and parents
/// (`{{< name}}`), each escaping interpolations for its content type.
///
/// The Mustache spec's core (interpolation, sections, inverted sections, comments, partials,
/// delimiter changes) and its inheritance module, plus swift-mustache's pragma
/// `{{% CONTENT_TYPE: name}}`, which picks the escaper of the interpolations after it. Lambdas
/// are not supported: values are data, never code.
public struct TemplateLibrary: Sendable {
    /// Escapes text for one content type; returns it as it is when nothing needs escaping.
    public typealias Escaper = @Sendable (String) -> String

    private var templates: [String: Template] = [:]
    private let contentTypeNames: [String]
    private let escapers: [Escaper]
    /// Partials within partials deeper than this render nothing (a template that includes
    /// itself with no data to end it would never end).
    static let depthLimit = 64

    /// `contentTypes` name the escapers `{{% CONTENT_TYPE: name}}` may pick; interpolations
    /// before any pragma use the first.
    public init(contentTypes: [(name: String, escape: Escaper)]) {
        contentTypeNames = contentTypes.map(\.name)
        escapers = contentTypes.map(\.escape)
    }

    /// Parses `source` as the template `name`.
    public mutating func register(_ source: String, named name: String) throws(TemplateError) {
        templates[name] = try Template(source, contentTypes: contentTypeNames)
    }

    /// Renders the template `name` with `value`, or nil when there is no such template.
    public func render(_ name: String, _ value: TemplateValue) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = Renderer(library: self, stack: [value])
        renderer.output.reserveCapacity(template.source.utf8.count * 4)
        renderer.render(template.nodes, blocks: [:])
        return renderer.output
    }

    /// The template `name`, its every line indented when `indentation` isn't empty.
    fileprivate func template(_ name: String, indentation: String) -> Template? {
        guard let template = templates[name] else { return nil }
        guard !indentation.isEmpty else { return template }
        var lines = template.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for index in lines.indices where !lines[index].isEmpty { lines[index] = indentation + lines[index] }
        return (try? Template(lines.joined(separator: "\n"), contentTypes: contentTypeNames)) ?? template
    }

    fileprivate func escape(_ text: String, with escaper: Int) -> String { escapers[escaper](text) }
}

/// One render: the output so far and the stack of values that names are looked up in.
private struct Renderer {
    let library: TemplateLibrary
    var stack: [TemplateValue]
    var output = ""
    var depth = 0

    mutating func render(_ nodes: [Template.Node], blocks: [String: [Template.Node]]) {
        for node in nodes {
            switch node {
            case .text(let text): output += text
            case .variable(let name, let escaper):
                let text: String
                switch lookup(name) {
                case .text(let value): text = value
                case .bool(let value): text = value ? "true" : "false"
                case .list, .object, .null: continue
                }
                output += escaper.map { library.escape(text, with: $0) } ?? text
            case .section(let name, let children, let inverted):
                let value = lookup(name)
                if inverted {
                    if value.isFalsy { render(children, blocks: blocks) }
                } else if case .list(let items) = value {
                    for item in items { render(children, with: item, blocks: blocks) }
                } else if !value.isFalsy {
                    render(children, with: value, blocks: blocks)
                }
            case .partial(let name, let indentation):
                include(name, indentation: indentation, blocks: [:])
            case .parent(let name, let indentation, let own):
                // Blocks given further out win over the parent tag's own.
                include(name, indentation: indentation, blocks: own.merging(blocks) { _, outer in outer })
            case .block(let name, let defaults):
                render(blocks[name] ?? defaults, blocks: blocks)
            }
        }
    }

    private mutating func render(_ nodes: [Template.Node], with value: TemplateValue, blocks: [String: [Template.Node]]) {
        stack.append(value)
        render(nodes, blocks: blocks)
        stack.removeLast()
    }

    private mutating func include(_ name: String, indentation: String, blocks: [String: [Template.Node]]) {
        guard depth < TemplateLibrary.depthLimit, let template = library.template(name, indentation: indentation) else { return }
        depth += 1
        render(template.nodes, blocks: blocks)
        depth -= 1
    }

    /// A name's value: its first part from the innermost value that has it, the rest within that.
    private func lookup(_ name: Template.Name) -> TemplateValue {
        guard let first = name.parts.first else { return stack.last ?? .null }
        var found: TemplateValue?
        for frame in stack.reversed() {
            if case .object(let values) = frame, let value = values[first] {
                found = value
                break
            }
        }
        guard var value = found else { return .null }
        for part in name.parts.dropFirst() {
            guard let next = value[part] else { return .null }
            value = next
        }
        return value
    }
}
