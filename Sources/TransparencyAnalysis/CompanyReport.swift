import TransparencyModel

/// Everything a company's report shows, worked out from the dataset: the input of templates.
public struct CompanyReport: Sendable {
    public var company: Company
    /// Statements in date order.
    public var statements: [StatementAnalysis]
    /// Evidence concerning the company, in date order.
    public var evidence: [Evidence]
    /// Letters, motions, lawsuits, settlements, rule changes and reports concerning the company,
    /// in date order.
    public var events: [Event]
    /// The claims the evidence bears on, by id.
    public var evidenceClaims: [ClaimID: Claim]
    /// Collection start dates for the company and its services, in date order.
    public var collectionStarts: [CollectionStartAnalysis]
    /// Request figures: totals over time, by legal process, top jurisdictions, national security.
    public var requests: RequestAnalysis
    /// Its documents, by id. Their histories (`DocumentHistory`, with the diffs) are worked
    /// out by whoever shows them: a build that keeps the pages showing them doesn't need them.
    public var documents: [Document]
    /// Each claim the company made: first and last stated, and withdrawn where the data says so.
    public var claimRecords: [ClaimRecord]
    /// Everything above in date order.
    public var timeline: Timeline
    /// What in the company's figures doesn't add up (`FigureAudit`).
    public var consistency: [ConsistencyFinding]
    /// Every source the report cites, numbered.
    public var citations: CitationIndex

    /// Analyses `company` within `dataset`, with its request figures (by default the dataset's).
    public init(company: Company, dataset: Dataset, figures: [RequestFigure]? = nil) {
        self.company = company
        let claims = dataset.claims
        let services = Dictionary(company.services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let evidence = dataset.evidence
            .filter { $0.companies.contains(company.id) }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        self.evidence = evidence
        self.events = dataset.events.filter { $0.companies.contains(company.id) }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        self.evidenceClaims = Dictionary(evidence.flatMap(\.bearings).compactMap { bearing in claims[bearing.claim].map { (bearing.claim, $0) } },
                                         uniquingKeysWith: { first, _ in first })
        self.statements = dataset.statements(of: company.id)
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            .map { Self.analyse($0, evidence: evidence, claims: claims, services: services) }
        self.collectionStarts = evidence.flatMap { item in
            item.collectionStarts.filter { $0.company == company.id }.map { start in
                let service = start.service.flatMap { services[$0] }
                return CollectionStartAnalysis(
                    date: start.date, service: service, ownerThen: service?.owner(on: start.date), evidence: item)
            }
        }.sorted { ($0.date, $0.service?.name ?? "") < ($1.date, $1.service?.name ?? "") }
        let figures = figures ?? dataset.figures(of: company.id)
        self.requests = RequestAnalysis(figures: figures)
        self.consistency = FigureAudit.findings(figures, periods: requests.periods)
        self.documents = dataset.documents.filter { $0.company == company.id }.sorted { $0.id < $1.id }
        self.claimRecords = ClaimRecord.records(of: company.id, in: dataset)
        self.timeline = Timeline(events: [])

        var cited = Set<SourceID>()
        cited.formUnion(company.services.flatMap { $0.ownership.flatMap(\.sources) })
        cited.formUnion(statements.flatMap(\.statement.sources))
        cited.formUnion(evidence.flatMap(\.sources))
        cited.formUnion(events.flatMap(\.sources))
        // Every figure's sources, from the analysis's per-period sums: not a second pass over them.
        cited.formUnion(requests.tallies.flatMap(\.sources))
        cited.formUnion(documents.flatMap { $0.versions.flatMap(\.sources) })
        self.citations = CitationIndex(cited: cited, sources: dataset.sources)
        self.timeline = Timeline(report: self)
    }

    /// The statements' dates, first and last.
    public var statementSpan: (first: DataDate, last: DataDate)? {
        guard let first = statements.first?.statement.date, let last = statements.last?.statement.date else { return nil }
        return (first, last)
    }

    /// Evidence items that contradict, dispute or are in tension with at least one claim the
    /// company made.
    public var challengingEvidence: [Evidence] {
        var seen = Set<EvidenceID>()
        return statements.flatMap(\.related).filter { $0.stance != .supports }.compactMap { related in
            seen.insert(related.evidence.id).inserted ? related.evidence : nil
        }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// The company's statements that answer `evidence`, in date order.
    public func answers(to evidence: EvidenceID) -> [Statement] {
        statements.map(\.statement).filter { $0.answers.contains(evidence) }
    }

    private static func analyse(
        _ statement: Statement, evidence: [Evidence], claims: [ClaimID: Claim], services: [ServiceID: Service]
    ) -> StatementAnalysis {
        let entries = statement.claims.compactMap { item -> StatementAnalysis.ClaimEntry? in
            guard let claim = claims[item.claim] else { return nil }
            let names: [String]
            switch item.scope {
            case .allServices: names = []
            case .services(let ids): names = ids.map { services[$0]?.name ?? $0.rawValue }
            }
            return StatementAnalysis.ClaimEntry(claim: claim, serviceNames: names)
        }
        var related: [StatementAnalysis.Related] = []
        for item in evidence {
            for bearing in item.bearings {
                guard let made = statement.claims.first(where: { $0.claim == bearing.claim }),
                      made.scope.overlaps(item.services),
                      let claim = claims[bearing.claim] else { continue }
                related.append(StatementAnalysis.Related(evidence: item, claim: claim, stance: bearing.stance, reason: bearing.reason))
            }
        }
        return StatementAnalysis(statement: statement, claims: entries, related: related)
    }
}
