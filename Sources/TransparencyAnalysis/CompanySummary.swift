import TransparencyModel

/// What the pages shared by every company (the front page, the comparisons and the list of
/// exports) need from one company's report: small, so that a build can keep one per company,
/// and kept between builds for the companies that did not change.
public struct CompanySummary: Sendable, Equatable {
    public var company: CompanyID
    public var statementCount: Int
    public var firstStatement: DataDate?
    public var lastStatement: DataDate?
    public var evidenceCount: Int
    /// Evidence items that contradict, dispute or are in tension with a claim it made.
    public var challengingCount: Int
    public var latestPeriod: Period?
    public var figureCount: Int
    /// The company's line on each period's comparison page.
    public var comparisonRows: [Period: ComparisonLine]

    /// A company's line on a comparison page.
    public struct ComparisonLine: Sendable, Equatable {
        public var requests: RequestTotals.Total?
        public var accounts: RequestTotals.Total?
        /// What `requests` covers; nil when there is no total.
        public var coverage: Coverage?
        public var nationalSecurity: [LegalProcess: Count]
        public var sources: [SourceID]
    }

    public init(
        company: CompanyID, statementCount: Int, firstStatement: DataDate?, lastStatement: DataDate?, evidenceCount: Int,
        challengingCount: Int, latestPeriod: Period?, figureCount: Int, comparisonRows: [Period: ComparisonLine]
    ) {
        self.company = company
        self.statementCount = statementCount
        self.firstStatement = firstStatement
        self.lastStatement = lastStatement
        self.evidenceCount = evidenceCount
        self.challengingCount = challengingCount
        self.latestPeriod = latestPeriod
        self.figureCount = figureCount
        self.comparisonRows = comparisonRows
    }

    /// The summary of `report`, whose request figures are `figures`.
    public init(report: CompanyReport, figures: [RequestFigure]) {
        let rows = Dictionary(report.requests.tallies.map { tally in
            (tally.period, ComparisonLine(
                requests: tally.requests?.total, accounts: tally.accounts?.total, coverage: tally.requests?.coverage,
                nationalSecurity: tally.securityRequests, sources: tally.sources))
        }, uniquingKeysWith: { first, _ in first })
        self.init(
            company: report.company.id, statementCount: report.statements.count,
            firstStatement: report.statementSpan?.first, lastStatement: report.statementSpan?.last,
            evidenceCount: report.evidence.count, challengingCount: report.challengingEvidence.count,
            latestPeriod: report.requests.latestPeriod, figureCount: figures.count, comparisonRows: rows)
    }

    /// The periods with a comparison page: those for which at least `minimumCompanies`
    /// companies published a headline total, latest first.
    public static func comparisonPeriods(_ summaries: [CompanySummary], minimumCompanies: Int = 2) -> [Period] {
        var counts: [Period: Int] = [:]
        for summary in summaries {
            for (period, line) in summary.comparisonRows where line.requests != nil { counts[period, default: 0] += 1 }
        }
        return counts.filter { $0.value >= minimumCompanies }.keys.sorted(by: >)
    }
}
