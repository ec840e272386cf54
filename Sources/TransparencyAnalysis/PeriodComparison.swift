import TransparencyModel

/// Companies side by side for one period: the headline totals, accounts and national-security bands.
public struct PeriodComparison: Sendable {
    public struct Row: Sendable {
        public var company: Company
        public var requests: RequestTotals.Total?
        public var accounts: RequestTotals.Total?
        /// National-security requests by process, as bands.
        public var nationalSecurity: [LegalProcess: Count]
        public var sources: [SourceID]

        public init(
            company: Company, requests: RequestTotals.Total?, accounts: RequestTotals.Total?,
            nationalSecurity: [LegalProcess: Count], sources: [SourceID]
        ) {
            self.company = company
            self.requests = requests
            self.accounts = accounts
            self.nationalSecurity = nationalSecurity
            self.sources = sources
        }
    }

    public var period: Period
    public var rows: [Row]
    public var securityProcesses: [LegalProcess]
    public var citations: CitationIndex

    /// The comparisons made of each company's rows (in company order).
    public static func combine(_ perCompany: [[Period: Row]], sources: [SourceID: Source], minimumCompanies: Int = 2) -> [PeriodComparison] {
        var byPeriod: [Period: [Row]] = [:]
        for rows in perCompany {
            for (period, row) in rows { byPeriod[period, default: []].append(row) }
        }
        return byPeriod.keys.sorted(by: >).compactMap { period in
            let rows = byPeriod[period] ?? []
            guard rows.filter({ $0.requests != nil }).count >= minimumCompanies else { return nil }
            let security = Set(rows.flatMap(\.nationalSecurity.keys)).sorted()
            return PeriodComparison(
                period: period, rows: rows, securityProcesses: security,
                citations: CitationIndex(cited: Set(rows.flatMap(\.sources)), sources: sources))
        }
    }

    /// One company's rows, by period, from the sums its report made.
    public static func rows(of company: Company, analysis: RequestAnalysis) -> [Period: Row] {
        Dictionary(analysis.tallies.map { tally in
            (tally.period, Row(
                company: company, requests: tally.requests, accounts: tally.accounts,
                nationalSecurity: tally.securityRequests, sources: tally.sources))
        }, uniquingKeysWith: { first, _ in first })
    }
}
