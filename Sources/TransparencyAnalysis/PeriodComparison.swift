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
    }

    public var period: Period
    public var rows: [Row]
    public var securityProcesses: [LegalProcess]
    public var citations: CitationIndex

    /// Every period for which at least `minimumCompanies` companies published a headline total,
    /// latest first.
    public static func all(in dataset: Dataset, minimumCompanies: Int = 2) -> [PeriodComparison] {
        // Each company's rows by period, on all cores; then periods put together in company order.
        let perCompany = parallelMap(dataset.companies) { company -> [Period: Row] in
            Dictionary(grouping: dataset.figures(of: company.id), by: \.period).mapValues { row(company, $0) }
        }
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
                citations: CitationIndex(cited: Set(rows.flatMap(\.sources)), in: dataset))
        }
    }

    static func row(_ company: Company, _ figures: [RequestFigure]) -> Row {
        let counted = RequestTotals.scope(figures.filter(RequestTotals.countsTowardsTotal))
        var security: [LegalProcess: Count] = [:]
        for figure in figures where RequestTotals.nationalSecurity.contains(figure.process) && figure.measure == .requests {
            if case .count(let count) = figure.value { security[figure.process] = count }
        }
        return Row(
            company: company, requests: RequestTotals.sum(counted, .requests), accounts: RequestTotals.sum(counted, .accounts),
            nationalSecurity: security, sources: Array(Set(figures.flatMap(\.sources))).sorted())
    }
}
