/// Something a company said in public, quoted exactly, with the claims it makes.
public struct Statement: Hashable, Sendable, Identifiable {
    /// How the statement was made.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case pressStatement = "press-statement"
        case blogPost = "blog-post"
        case policyText = "policy-text"
        case testimony
        case advertising
        case socialMedia = "social-media"

        /// The name used in reports.
        public var label: String {
            switch self {
            case .pressStatement: "press statement"
            case .blogPost: "blog post"
            case .policyText: "policy text"
            case .testimony: "testimony"
            case .advertising: "advertising"
            case .socialMedia: "social media post"
            }
        }
    }

    public var id: StatementID
    public var company: CompanyID
    public var date: DataDate
    public var speaker: String?
    public var kind: Kind
    /// The exact words, as published. Paragraphs are separated by a blank line.
    public var quote: String
    public var claims: [StatementClaim]
    /// Evidence the statement answers (a denial of a report the same day).
    public var answers: [EvidenceID]
    /// Claims the statement withdraws or reverses, explicitly: only these end a claim.
    public var withdraws: [ClaimID]
    public var sources: [SourceID]

    public init(
        id: StatementID, company: CompanyID, date: DataDate, speaker: String? = nil, kind: Kind,
        quote: String, claims: [StatementClaim], answers: [EvidenceID] = [], withdraws: [ClaimID] = [], sources: [SourceID]
    ) {
        self.id = id
        self.company = company
        self.date = date
        self.speaker = speaker
        self.kind = kind
        self.quote = quote
        self.claims = claims
        self.answers = answers
        self.withdraws = withdraws
        self.sources = sources
    }
}
