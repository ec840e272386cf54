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
        let byPeriod = Dictionary(grouping: dataset.figures, by: \.period)
        return byPeriod.keys.sorted(by: >).compactMap { period in
            let comparison = PeriodComparison(period: period, figures: byPeriod[period] ?? [], dataset: dataset)
            return comparison.rows.filter { $0.requests != nil }.count >= minimumCompanies ? comparison : nil
        }
    }

    init(period: Period, figures: [RequestFigure], dataset: Dataset) {
        self.period = period
        let byCompany = Dictionary(grouping: figures, by: \.company)
        rows = dataset.companies.compactMap { company in
            guard let figures = byCompany[company.id] else { return nil }
            let counted = RequestTotals.scope(figures.filter(RequestTotals.countsTowardsTotal))
            var security: [LegalProcess: Count] = [:]
            for figure in figures where RequestTotals.nationalSecurity.contains(figure.process) && figure.measure == .requests {
                if case .count(let count) = figure.value { security[figure.process] = count }
            }
            return Row(
                company: company, requests: RequestTotals.sum(counted, .requests), accounts: RequestTotals.sum(counted, .accounts),
                nationalSecurity: security, sources: Array(Set(figures.flatMap(\.sources))).sorted())
        }
        securityProcesses = Set(rows.flatMap(\.nationalSecurity.keys)).sorted()
        citations = CitationIndex(cited: Set(rows.flatMap(\.sources)), in: dataset)
    }
}
