import Mustache

/// The Mustache content types of our templates: `MARKDOWN` escapes data so it stays literal text;
/// `HTML` (swift-mustache's own name) is replaced by ours, which also removes control characters.
enum ContentTypes {
    struct MarkdownContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { MarkdownEscaper.escape(text) }
    }

    struct HTMLContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaper.escape(text) }
    }

    /// Registers the types once per process, before any template is parsed.
    static let registered: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(HTMLContentType(), named: "HTML")
    }()
}
