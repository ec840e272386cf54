import Ccmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CommonMark rendering through libcmark. The only place in the package that touches cmark.
///
/// Every call parses, renders and frees within its own scope; no cmark pointer escapes.
public enum CommonMark {
    /// The version of the linked libcmark, e.g. `0.30.2`.
    public static var libraryVersion: String {
        guard let text = cmark_version_string() else { return "unknown" }
        return String(cString: text)
    }

    /// Renders Markdown to an HTML fragment. Safe mode unless `options` has `.unsafe`.
    public static func html(_ markdown: String, options: MarkdownOptions = []) -> String {
        let flags = options.cmarkValue
        var text = markdown
        return text.withUTF8 { buffer -> String in
            guard let base = buffer.baseAddress,
                  let rendered = cmark_markdown_to_html(base, buffer.count, flags) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    /// Renders Markdown to HTML, letting `render` replace top-level fenced code blocks.
    ///
    /// For each top-level fenced code block, `render` receives its info string and content; when
    /// it returns HTML, that HTML stands in place of the block. Everything else goes through
    /// cmark with `options`.
    public static func html(
        _ markdown: String,
        options: MarkdownOptions = [],
        embedding render: (EmbeddedBlock) -> String?
    ) -> String {
        let flags = options.cmarkValue
        var text = markdown
        return text.withUTF8 { buffer -> String in
            guard let base = buffer.baseAddress,
                  let document = cmark_parse_document(base, buffer.count, flags) else { return "" }
            defer { cmark_node_free(document) }
            var output = ""
            var child = cmark_node_first_child(document)
            while let node = child {
                if let block = embeddedBlock(node), let replacement = render(block) {
                    output += replacement
                } else if let rendered = cmark_render_html(node, flags) {
                    output += String(cString: rendered)
                    free(rendered)
                }
                child = cmark_node_next(node)
            }
            return output
        }
    }

    private static func embeddedBlock(_ node: OpaquePointer) -> EmbeddedBlock? {
        // Indented code blocks have an empty info string, so only fences can name a block.
        guard cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK,
              let info = cmark_node_get_fence_info(node), info.pointee != 0,
              let literal = cmark_node_get_literal(node) else { return nil }
        var content = String(cString: literal)
        if content.hasSuffix("\n") { content.removeLast() }
        return EmbeddedBlock(info: String(cString: info), content: content)
    }
}
