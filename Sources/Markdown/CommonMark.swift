import Ccmark
import Foundation

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
        html(markdown, options: options, allowingLink: { _ in true }, embedding: render)
    }

    /// Renders Markdown written by users (untrusted): links and images whose destination
    /// `allowingLink` refuses lose it (`href=""`), on top of cmark's safe mode. With
    /// `headingsBelow`, the text's headings are fitted under a heading of that level (its
    /// highest becomes one level lower, none skips a level, empty ones are left out) and a link
    /// left without text (its raw HTML omitted) shows its destination, so that a published
    /// document's own outline reads well inside the page around it.
    public static func html(
        _ markdown: String,
        options: MarkdownOptions = [],
        allowingLink: (String) -> Bool,
        headingsBelow: Int? = nil,
        embedding render: (EmbeddedBlock) -> String? = { _ in nil }
    ) -> String {
        let flags = options.cmarkValue
        var text = markdown
        return text.withUTF8 { buffer -> String in
            guard let base = buffer.baseAddress,
                  let document = cmark_parse_document(base, buffer.count, flags) else { return "" }
            defer { cmark_node_free(document) }
            removeLinks(in: document, notAllowedBy: allowingLink)
            if let headingsBelow { fitOutline(of: document, below: headingsBelow) }
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

    /// Replaces every link and image that `allowed` refuses with its text (an image's text is
    /// its description), so no empty `href` or `src` is left behind.
    private static func removeLinks(in document: OpaquePointer, notAllowedBy allowed: (String) -> Bool) {
        var refused: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) else { continue }
                if !allowed(String(cString: url)) { refused.append(node) }
            }
            cmark_iter_free(iterator)
        }
        // Innermost first, so a refused link inside a refused link is handled before its parent moves.
        for node in refused.reversed() {
            while let child = cmark_node_first_child(node) {
                cmark_node_insert_before(node, child)
            }
            cmark_node_free(node)
        }
    }

    /// Headings fitted under a heading of level `base`, empty headings removed, and links
    /// without text given their destination as text.
    private static func fitOutline(of document: OpaquePointer, below base: Int) {
        var headings: [OpaquePointer] = [], links: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_HEADING: headings.append(node)
                case CMARK_NODE_LINK: links.append(node)
                default: break
                }
            }
            cmark_iter_free(iterator)
        }
        for link in links where textContent(of: link).allSatisfy(\.isWhitespace) {
            guard let url = cmark_node_get_url(link), let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(text, url)
            cmark_node_append_child(link, text)
        }
        let kept = headings.filter { heading in
            guard textContent(of: heading).allSatisfy(\.isWhitespace) else { return true }
            cmark_node_free(heading)
            return false
        }
        let highest = kept.map { Int(cmark_node_get_heading_level($0)) }.min() ?? 1
        var previous = base
        for heading in kept {
            let level = min(6, base + 1 + Int(cmark_node_get_heading_level(heading)) - highest, previous + 1)
            cmark_node_set_heading_level(heading, Int32(level))
            previous = level
        }
    }

    /// The text of a node and its descendants.
    private static func textContent(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(current) {
                text += String(cString: literal)
            } else {
                text += textContent(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
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
