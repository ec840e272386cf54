import Templating

/// A piece of a page rendered from data for each target: Markdown for the `.md` report, HTML for
/// the site. cmark has no tables or anchors, so these never go through it.
public protocol Block: Sendable {
    /// The block as Markdown (a pipe table, a numbered list), data escaped for Markdown.
    func markdown() -> String
    /// The block as HTML, data escaped for HTML.
    func html() -> String
}

/// The blocks of one page, each stood for in the template's output by a placeholder fence.
///
/// A placeholder is a fenced code block with the info string `transparency-block` and the
/// block's number. Data can't forge one: the Markdown escaper turns every backtick and tilde
/// from data into literal text, so only templates and this type write fences.
public struct BlockSet: Sendable {
    static let info = "transparency-block"
    private(set) var blocks: [any Block] = []

    public init() {}

    /// Adds a block and returns the placeholder to put in the template context.
    public mutating func placeholder(for block: any Block) -> TemplateValue {
        blocks.append(block)
        return .text("```\(Self.info)\n\(blocks.count - 1)\n```")
    }

    /// The Markdown target: every placeholder replaced by its block's Markdown, in one pass.
    func expandMarkdown(_ markdown: String) -> String {
        guard !blocks.isEmpty else { return markdown }
        let bytes = Array(markdown.utf8)
        let opening = Array("```\(Self.info)\n".utf8), closing = Array("\n```".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var position = 0, copied = 0
        while position + opening.count <= bytes.count {
            guard bytes[position] == opening[0], bytes[position..<(position + opening.count)].elementsEqual(opening) else {
                position += 1
                continue
            }
            // Digits, then the closing fence.
            var end = position + opening.count, index = 0, digits = 0
            while end < bytes.count, (48...57).contains(bytes[end]), digits < 9 {
                index = index * 10 + Int(bytes[end] - 48)
                end += 1
                digits += 1
            }
            guard digits > 0, end + closing.count <= bytes.count, bytes[end..<(end + closing.count)].elementsEqual(closing),
                  blocks.indices.contains(index) else {
                position += 1
                continue
            }
            output += bytes[copied..<position]
            output += blocks[index].markdown().utf8
            position = end + closing.count
            copied = position
        }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// The HTML of the block a placeholder fence names, if it names one.
    func html(info: String, content: String) -> String? {
        guard info == Self.info, let index = Int(content), blocks.indices.contains(index) else { return nil }
        return blocks[index].html() + "\n"
    }
}
