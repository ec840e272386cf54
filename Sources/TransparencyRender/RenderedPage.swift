/// A page rendered for both targets.
public struct RenderedPage: Sendable {
    /// The Markdown report, tables as pipe tables.
    public var markdown: String
    /// The page body as HTML, from the Markdown through cmark (safe mode), tables as `<table>`.
    public var htmlBody: String
    /// The page's title, plain text.
    public var title: String
}
