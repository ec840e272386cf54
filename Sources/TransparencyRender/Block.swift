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
    public mutating func placeholder(for block: any Block) -> String {
        blocks.append(block)
        return "```\(Self.info)\n\(blocks.count - 1)\n```"
    }

    /// The Markdown target: every placeholder replaced by its block's Markdown.
    func expandMarkdown(_ markdown: String) -> String {
        var output = markdown
        for (index, block) in blocks.enumerated().reversed() {
            output = output.replacingAll("```\(Self.info)\n\(index)\n```", with: block.markdown())
        }
        return output
    }

    /// The HTML of the block a placeholder fence names, if it names one.
    func html(info: String, content: String) -> String? {
        guard info == Self.info, let index = Int(content), blocks.indices.contains(index) else { return nil }
        return blocks[index].html() + "\n"
    }
}

extension String {
    /// Replaces every occurrence of `target` without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
