import TransparencyModel

import Yams

/// A YAML node together with the file it came from, so every value knows its location.
package struct YAMLValue {
    package let node: Node
    package let path: String

    package var location: SourceLocation {
        SourceLocation(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// The text of a scalar; nil for a mapping, a sequence, or an empty value.
    package var text: String? {
        guard case .scalar(let scalar) = node, !isNull else { return nil }
        return scalar.string
    }

    /// `key:` with nothing after it, `~` or `null` (unquoted).
    package var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The items of a sequence, or nil for any other node.
    package var items: [YAMLValue]? {
        guard case .sequence(let sequence) = node else { return nil }
        return sequence.map { YAMLValue(node: $0, path: path) }
    }

    /// The key-value pairs of a mapping, in order, or nil for any other node.
    package var pairs: [(key: YAMLValue, value: YAMLValue)]? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.map { (YAMLValue(node: $0.key, path: path), YAMLValue(node: $0.value, path: path)) }
    }

    /// The kind of node, for messages.
    package var kindName: String {
        switch node {
        case .scalar: isNull ? "an empty value" : "a text value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// Parses one YAML document, logging a syntax error with its location on failure.
    package static func parse(_ text: String, path: String, log: DiagnosticLog) -> YAMLValue? {
        do {
            // Every scalar is text to the loaders (which read numbers and dates themselves), so
            // no YAML 1.1 type is resolved: `no` stays the word no, and no regular expression runs.
            // The constructor and encoding are given: Yams' defaults are made anew for each
            // parse (the default encoding reads the whole environment; the default constructor
            // builds its tables), which cost more than parsing a small file. Nodes are only
            // composed, never constructed, so the constructor is an empty one.
            guard let node = try Yams.compose(yaml: text, .basic, Constructor([:], [:], [:]), .utf8) else {
                log.error(SourceLocation(path: path), "the file is empty")
                return nil
            }
            return YAMLValue(node: node, path: path)
        } catch let error as YamlError {
            let (mark, problem) = describe(error)
            log.error(
                SourceLocation(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1),
                "YAML syntax: \(problem)")
        } catch {
            log.error(SourceLocation(path: path), "YAML syntax: \(error)")
        }
        return nil
    }

    private static func describe(_ error: YamlError) -> (Mark?, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return (mark, problem + detail)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (context.mark, "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return (nil, problem)
        default:
            return (nil, "\(error)")
        }
    }
}
