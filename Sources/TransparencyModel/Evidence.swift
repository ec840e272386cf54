/// A revelation, court record or official report, and the claims it bears on.
public struct Evidence: Hashable, Sendable, Identifiable {
    /// How evidence relates to a claim: no more than its sources support.
    public enum Stance: String, CaseIterable, Hashable, Sendable {
        /// The evidence establishes facts at odds with the claim.
        case contradicts
        /// The evidence challenges the claim, the company denies it, and neither is settled.
        case disputes
        /// The evidence is in tension with the claim: consistent with it only on a narrow reading.
        case qualifies
        /// The evidence reports facts in line with the claim.
        case supports

        /// The stance in words readers understand, before the claim ("disputes the claim …").
        public var label: String {
            switch self {
            case .contradicts: "contradicts"
            case .disputes: "disputes (contested; not settled)"
            case .qualifies: "is in tension with (consistent only with a narrow reading of)"
            case .supports: "supports"
            }
        }
    }

    /// A claim the evidence bears on, how, and why the dataset's authors say so.
    public struct Bearing: Hashable, Sendable {
        public var claim: ClaimID
        public var stance: Stance
        /// One sentence: what the source reports that bears on the claim.
        public var reason: String
        public init(claim: ClaimID, stance: Stance, reason: String) {
            self.claim = claim
            self.stance = stance
            self.reason = reason
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
