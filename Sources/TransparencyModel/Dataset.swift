/// Everything the dataset holds, validated: every reference resolves, every id is unique.
public struct Dataset: Sendable {
    /// Companies by id order.
    public var companies: [Company]
    public var sources: [SourceID: Source]
    public var claims: [ClaimID: Claim]
    public let statements: [Statement]
    /// The positions in `statements` of each company's statements.
    private let statementIndex: [CompanyID: [Int]]
    public var evidence: [Evidence]
    /// Request figures by company, each company's in key order (`RequestFigure.Key`).
    public var figuresByCompany: [CompanyID: [RequestFigure]]
    public var documents: [Document]
    /// Letters, court motions, lawsuits, settlements, rule changes and reports.
    public var events: [Event]
    /// Request files not read yet, when the dataset was loaded with its figures deferred: a
    /// build reads each company's with the company, so that all of them are never in memory.
    public var deferredFigures: DeferredFigures?

    /// A dataset whose figures are grouped by company already, each company's in key order.
    package init(
        companies: [Company], sources: [SourceID: Source], claims: [ClaimID: Claim],
        statements: [Statement], evidence: [Evidence], figuresByCompany: [CompanyID: [RequestFigure]],
        documents: [Document], events: [Event] = []
    ) {
        self.companies = companies.sorted { $0.id < $1.id }
        self.sources = sources
        self.claims = claims
        self.statements = statements
        self.statementIndex = Self.index(statements)
        self.evidence = evidence
        self.figuresByCompany = figuresByCompany
        self.documents = documents
        self.events = events
    }

    /// The statements of one company, in the dataset's order.
    public func statements(of company: CompanyID) -> [Statement] {
        (statementIndex[company] ?? []).map { statements[$0] }
    }

    private static func index(_ statements: [Statement]) -> [CompanyID: [Int]] {
        var index: [CompanyID: [Int]] = [:]
        for (position, statement) in statements.enumerated() { index[statement.company, default: []].append(position) }
        return index
    }

    /// Every figure, company by company (in id order).
    public var figures: [RequestFigure] {
        figuresByCompany.keys.sorted().flatMap { figuresByCompany[$0] ?? [] }
    }

    /// The figures of one company (none for a deferred one: see `loadFigures(of:)`).
    public func figures(of company: CompanyID) -> [RequestFigure] { figuresByCompany[company] ?? [] }

    /// The figures of one company, read now if they were deferred, with the problems of its file.
    public func loadFigures(of company: CompanyID) -> (figures: [RequestFigure], diagnostics: [Diagnostic]) {
        if let deferredFigures, deferredFigures.companies.contains(company) { return deferredFigures.read(company) }
        return (figures(of: company), [])
    }

    /// The number of figures.
    public var figureCount: Int { figuresByCompany.values.reduce(0) { $0 + $1.count } }

    /// The company with `id`.
    public func company(_ id: CompanyID) -> Company? {
        companies.first { $0.id == id }
    }
}

/// Request files to be read later, one company at a time.
public struct DeferredFigures: Sendable {
    /// The companies with a request file.
    public var companies: Set<CompanyID>
    /// Reads a company's file: its figures in key order, and its problems (errors mean that the
    /// build must fail).
    public var read: @Sendable (CompanyID) -> (figures: [RequestFigure], diagnostics: [Diagnostic])

    public init(companies: Set<CompanyID>, read: @escaping @Sendable (CompanyID) -> (figures: [RequestFigure], diagnostics: [Diagnostic])) {
        self.companies = companies
        self.read = read
    }
}
