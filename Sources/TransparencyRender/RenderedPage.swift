/// A page rendered for both targets.
public struct RenderedPage: Sendable {
    /// The template's output, a placeholder standing for each block.
    let template: String
    let blocks: BlockSet
    /// The page body as HTML, from the Markdown through cmark (safe mode), tables as `<table>`.
    public var htmlBody: String
    /// The page's title, plain text.
    public var title: String

    /// The Markdown report, tables as pipe tables: made when asked for, since most pages are
    /// published in HTML only.
    public var markdown: String { blocks.expandMarkdown(template) }
}
