/// Who owned a service over a span of time. `from` nil means since the start of the record,
/// `until` nil means still owned.
public struct Ownership: Hashable, Sendable {
    /// The owner's name as it should be shown.
    public var owner: String
    /// The owner when it is a company of the dataset.
    public var ownerCompany: CompanyID?
    public var from: DataDate?
    /// The first day the owner no longer owned the service.
    public var until: DataDate?
    public var sources: [SourceID]

    public init(
        owner: String, ownerCompany: CompanyID? = nil, from: DataDate? = nil,
        until: DataDate? = nil, sources: [SourceID] = []
    ) {
        self.owner = owner
        self.ownerCompany = ownerCompany
        self.from = from
        self.until = until
        self.sources = sources
    }

    /// Whether this owner held the service on `date` (a month or year counts by its first day).
    public func covers(_ date: DataDate) -> Bool {
        let day = date.firstDay
        if let from, day < from.firstDay { return false }
        if let until, day >= until.firstDay { return false }
        return true
    }
}
