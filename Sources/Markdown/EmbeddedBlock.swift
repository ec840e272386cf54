/// A top-level fenced code block whose info string names a block to be rendered by the caller.
///
/// Markdown from templates marks places where HTML produced from data (a table, a list of
/// sources, a chart) goes. The caller's renderer returns that HTML; cmark never sees it, so
/// safe mode stays on for everything else.
public struct EmbeddedBlock: Sendable, Hashable {
    /// The fence's info string, e.g. `transparency-block`.
    public var info: String
    /// The text between the fences, without its final line break.
    public var content: String
}
