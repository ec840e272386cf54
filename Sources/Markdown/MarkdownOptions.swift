import Ccmark

/// Options for rendering CommonMark with cmark.
///
/// UTF-8 validation is always on. `unsafe` lets raw HTML and `javascript:` links through and must
/// never be used over text that contains data; it exists for the conformance suite.
public struct MarkdownOptions: OptionSet, Sendable, Hashable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `data-sourcepos` attributes on block elements.
    public static let sourcePositions = MarkdownOptions(rawValue: CMARK_OPT_SOURCEPOS)
    /// Soft line breaks rendered as `<br />`.
    public static let hardBreaks = MarkdownOptions(rawValue: CMARK_OPT_HARDBREAKS)
    /// Soft line breaks rendered as spaces.
    public static let noBreaks = MarkdownOptions(rawValue: CMARK_OPT_NOBREAKS)
    /// Straight quotes to curly ones, `--` to dashes. Never over exact quotes.
    public static let smart = MarkdownOptions(rawValue: CMARK_OPT_SMART)
    /// Raw HTML and dangerous links pass through. Only for trusted text.
    public static let unsafe = MarkdownOptions(rawValue: CMARK_OPT_UNSAFE)

    var cmarkValue: Int32 { rawValue | CMARK_OPT_VALIDATE_UTF8 }
}
