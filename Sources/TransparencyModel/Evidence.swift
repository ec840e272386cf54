/// A revelation, court record or official report, and the claims it bears on.
public struct Evidence: Hashable, Sendable, Identifiable {
    /// How evidence relates to a claim.
    public enum Stance: String, CaseIterable, Hashable, Sendable {
        /// The evidence reports facts at odds with the claim.
        case contradicts
        /// The evidence reports facts in line with the claim.
        case supports
    }

    /// A claim the evidence bears on, and how.
    public struct Bearing: Hashable, Sendable {
        public var claim: ClaimID
        public var stance: Stance
        public init(claim: ClaimID, stance: Stance) {
            self.claim = claim
            self.stance = stance
        }
    }

    /// A date the evidence gives for the start of collection from a company or one of its services.
    public struct CollectionStart: Hashable, Sendable {
        public var company: CompanyID
        public var service: ServiceID?
        public var date: DataDate
        public init(company: CompanyID, service: ServiceID? = nil, date: DataDate) {
            self.company = company
            self.service = service
            self.date = date
        }
    }

    public var id: EvidenceID
    public var date: DataDate
    public var title: String
    public var summary: String
    /// The surveillance program concerned, e.g. `PRISM`.
    public var program: String?
    public var companies: [CompanyID]
    public var services: [ServiceID]
    public var bearings: [Bearing]
    public var collectionStarts: [CollectionStart]
    public var sources: [SourceID]

    public init(
        id: EvidenceID, date: DataDate, title: String, summary: String, program: String? = nil,
        companies: [CompanyID], services: [ServiceID] = [], bearings: [Bearing] = [],
        collectionStarts: [CollectionStart] = [], sources: [SourceID]
    ) {
        self.id = id
        self.date = date
        self.title = title
        self.summary = summary
        self.program = program
        self.companies = companies
        self.services = services
        self.bearings = bearings
        self.collectionStarts = collectionStarts
        self.sources = sources
    }
}
