/// A published document that figures, quotes and evidence cite.
public struct Source: Hashable, Sendable, Identifiable {
    public var id: SourceID
    public var title: String
    public var publisher: String
    /// An http, https, mailto or relative link, checked when loaded.
    public var url: String
    public var date: DataDate?
    /// A copy in an archive, e.g. the Wayback Machine.
    public var archivedURL: String?

    public init(
        id: SourceID, title: String, publisher: String, url: String,
        date: DataDate? = nil, archivedURL: String? = nil
    ) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.url = url
        self.date = date
        self.archivedURL = archivedURL
    }
}
