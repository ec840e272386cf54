/// A template that doesn't parse, with the line and column (1-based, in characters) of the
/// problem.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// `{{` without its `}}`.
        case unclosedTag
        /// `{{/name}}` that doesn't close the innermost open section.
        case mismatchedClose(expected: String?, found: String)
        /// A section still open at the end of the template.
        case unclosedSection(String)
        /// `{{=… …=}}` without two delimiters.
        case invalidDelimiters
        /// `{{% … }}` other than a content type the library knows.
        case unknownPragma(String)
        /// A tag without a name, or a name with spaces inside.
        case invalidName(String)
        /// Syntax of other Mustache implementations: transforms (`{{uppercased(name)}}`) and
        /// dynamic partial names (`{{>*name}}`), which would otherwise render as nothing.
        case unsupported(String)
    }

    public var kind: Kind
    public var line: Int
    public var column: Int

    public init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// The problem in words.
    public var message: String {
        switch kind {
        case .unclosedTag: "a tag is not closed"
        case .mismatchedClose(let expected?, let found):
            "this closing tag ({{/\(found)}}) does not match the section that is open ({{#\(expected)}})"
        case .mismatchedClose(nil, let found): "this closing tag ({{/\(found)}}) closes no open section"
        case .unclosedSection(let name): "the section {{#\(name)}} is not closed"
        case .invalidDelimiters: "invalid delimiter change"
        case .unknownPragma(let text): "unknown pragma \(text): use {{% CONTENT_TYPE: MARKDOWN}} or {{% CONTENT_TYPE: HTML}}"
        case .invalidName(let name): "invalid tag name \"\(name)\""
        case .unsupported(let what): "\(what) are not supported"
        }
    }

    public var description: String { "\(line):\(column): \(message)" }
}
