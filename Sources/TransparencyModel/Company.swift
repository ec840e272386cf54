/// A company the dataset reports on.
public struct Company: Hashable, Sendable, Identifiable {
    /// Ids no company can take: the names of the site's own folders beside the companies'
    /// (`site/compare/` holds the comparison pages, `site/data/` the export index).
    public static let reservedIDs: Set<String> = ["compare", "data"]

    public var id: CompanyID
    public var name: String
    public var aliases: [String]
    public var homepage: String?
    /// A short description written by the dataset's authors.
    public var summary: String?
    public var services: [Service]

    public init(
        id: CompanyID, name: String, aliases: [String] = [], homepage: String? = nil,
        summary: String? = nil, services: [Service] = []
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.homepage = homepage
        self.summary = summary
        self.services = services
    }
}
