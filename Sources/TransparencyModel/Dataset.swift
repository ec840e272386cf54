/// Everything the dataset holds, validated: every reference resolves, every id is unique.
public struct Dataset: Sendable {
    /// Companies by id order.
    public var companies: [Company]
    public var sources: [SourceID: Source]
    public var claims: [ClaimID: Claim]
    public var statements: [Statement]
    public var evidence: [Evidence]
    public var figures: [RequestFigure]
    public var documents: [Document]

    public init(
        companies: [Company], sources: [SourceID: Source], claims: [ClaimID: Claim],
        statements: [Statement], evidence: [Evidence], figures: [RequestFigure],
        documents: [Document]
    ) {
        self.companies = companies.sorted { $0.id < $1.id }
        self.sources = sources
        self.claims = claims
        self.statements = statements
        self.evidence = evidence
        self.figures = figures
        self.documents = documents
    }

    /// The company with `id`.
    public func company(_ id: CompanyID) -> Company? {
        companies.first { $0.id == id }
    }
}
