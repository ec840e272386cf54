import TransparencyModel

/// Companies side by side for one period: the headline totals, accounts and national-security bands.
public struct PeriodComparison: Sendable {
    public struct Row: Sendable {
        public var company: Company
        public var line: CompanySummary.ComparisonLine
    }

    public var period: Period
    public var rows: [Row]
    public var securityProcesses: [LegalProcess]
    public var citations: CitationIndex

    /// The comparison of `period`, from every company's summary (in company order).
    public init(period: Period, summaries: [CompanySummary], companies: [CompanyID: Company], sources: [SourceID: Source]) {
        self.period = period
        rows = summaries.compactMap { summary in
            guard let company = companies[summary.company], let line = summary.comparisonRows[period] else { return nil }
            return Row(company: company, line: line)
        }
        securityProcesses = Set(rows.flatMap(\.line.nationalSecurity.keys)).sorted()
        citations = CitationIndex(cited: Set(rows.flatMap(\.line.sources)), sources: sources)
    }
}
