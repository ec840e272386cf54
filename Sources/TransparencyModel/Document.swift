/// A text a company keeps publishing in new versions: a policy, a recurring statement.
public struct Document: Hashable, Sendable, Identifiable {
    public var id: DocumentID
    public var company: CompanyID
    public var title: String
    /// Versions in date order, no two on the same date.
    public var versions: [DocumentVersion]

    public init(id: DocumentID, company: CompanyID, title: String, versions: [DocumentVersion]) {
        self.id = id
        self.company = company
        self.title = title
        self.versions = versions.sorted { $0.date < $1.date }
    }

    /// The version in force on `date`: the latest one published on or before it.
    public func version(inForceOn date: DataDate) -> DocumentVersion? {
        versions.last { $0.date.firstDay <= date.lastDay }
    }
}

/// One dated version of a document, as Markdown text.
public struct DocumentVersion: Hashable, Sendable {
    public var date: DataDate
    public var text: String
    public var sources: [SourceID]

    public init(date: DataDate, text: String, sources: [SourceID] = []) {
        self.date = date
        self.text = text
        self.sources = sources
    }
}
