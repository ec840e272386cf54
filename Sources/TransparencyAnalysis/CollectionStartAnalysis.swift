import TransparencyModel

/// A date that evidence gives for the start of collection, with who owned the service then.
public struct CollectionStartAnalysis: Sendable {
    public var date: DataDate
    /// The service concerned, or nil for the company as a whole.
    public var service: Service?
    /// The service's owner on that date, when the ownership record covers it.
    public var ownerThen: Ownership?
    public var evidence: Evidence

    /// Whether the service belonged to someone other than the company on that date.
    public func predatesOwnership(by company: CompanyID) -> Bool {
        guard let ownerThen else { return false }
        return ownerThen.ownerCompany != company
    }
}
