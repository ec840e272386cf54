import TransparencyModel

/// A company's request figures worked out for its report: totals over time, by legal process,
/// the top jurisdictions of the latest period, and the US national-security bands.
public struct RequestAnalysis: Sendable {
    /// The headline total of one period.
    public struct PeriodTotal: Sendable {
        public var period: Period
        public var requests: RequestTotals.Total
        public var sources: [SourceID]
    }

    /// One period's requests by legal process (summed over jurisdictions).
    public struct ProcessRow: Sendable {
        public var period: Period
        public var byProcess: [LegalProcess: RequestTotals.Total]
        public var sources: [SourceID]
    }

    /// One jurisdiction's figures in the latest period (summed over legal processes).
    public struct JurisdictionRow: Sendable {
        public var jurisdiction: Jurisdiction
        public var requests: RequestTotals.Total
        public var accounts: RequestTotals.Total?
        /// The share with data as published, when the jurisdiction has a single line.
        public var percentWithData: Double?
        public var sources: [SourceID]
    }

    /// One period of US national-security figures, as bands.
    public struct SecurityRow: Sendable {
        public var period: Period
        public var requests: [LegalProcess: Count]
        public var accounts: [LegalProcess: Count]
        public var regimes: [BandRegime]
        public var sources: [SourceID]
    }

    /// Headline totals in date order (the chart's series).
    public var totals: [PeriodTotal]
    /// Latest period first.
    public var byProcess: [ProcessRow]
    /// The processes `byProcess` has, in vocabulary order.
    public var processes: [LegalProcess]
    public var latestPeriod: Period?
    /// The latest period's jurisdictions with the most requests, most first.
    public var topJurisdictions: [JurisdictionRow]
    /// The number of jurisdictions in the latest period.
    public var jurisdictionCount: Int
    /// Latest period first.
    public var nationalSecurity: [SecurityRow]
    public var securityProcesses: [LegalProcess]

    public init(figures: [RequestFigure], topCount: Int = 10) {
        let byPeriod = Dictionary(grouping: figures, by: \.period)
        let periods = byPeriod.keys.sorted()
        totals = periods.compactMap { period in
            let figures = byPeriod[period] ?? []
            guard let total = RequestTotals.total(figures) else { return nil }
            return PeriodTotal(period: period, requests: total, sources: Self.sources(RequestTotals.scope(figures.filter(RequestTotals.countsTowardsTotal))))
        }
        let ordinary = figures.filter { $0.subject == .accounts && !RequestTotals.nationalSecurity.contains($0.process) }
        processes = Set(ordinary.map(\.process)).sorted()
        byProcess = periods.reversed().compactMap { period in
            let inPeriod = RequestTotals.scope(ordinary.filter { $0.period == period })
            var row: [LegalProcess: RequestTotals.Total] = [:]
            for (process, group) in Dictionary(grouping: inPeriod, by: \.process) {
                row[process] = RequestTotals.sum(group, .requests)
            }
            return row.isEmpty ? nil : ProcessRow(period: period, byProcess: row, sources: Self.sources(inPeriod))
        }
        let latest = totals.last?.period
        latestPeriod = latest
        let latestFigures = figures.filter { $0.period == latest && RequestTotals.countsTowardsTotal($0) && $0.jurisdiction != .world }
        let byJurisdiction = Dictionary(grouping: latestFigures, by: \.jurisdiction)
        jurisdictionCount = byJurisdiction.count
        topJurisdictions = byJurisdiction.compactMap { jurisdiction, group -> JurisdictionRow? in
            guard let requests = RequestTotals.sum(group, .requests) else { return nil }
            let lines = Set(group.map { "\($0.process)|\($0.publishedAs ?? "")" })
            var percent: Double?
            if lines.count == 1, case .percentage(let value)? = group.first(where: { $0.measure == .percentWithData })?.value {
                percent = value
            }
            return JurisdictionRow(
                jurisdiction: jurisdiction, requests: requests, accounts: RequestTotals.sum(group, .accounts),
                percentWithData: percent, sources: Self.sources(group))
        }
        .sorted { ($1.requests.reported?.maximum ?? 0, $0.jurisdiction.name) < ($0.requests.reported?.maximum ?? 0, $1.jurisdiction.name) }
        .prefix(topCount).map { $0 }
        let security = figures.filter { RequestTotals.nationalSecurity.contains($0.process) }
        securityProcesses = Set(security.map(\.process)).sorted()
        nationalSecurity = Dictionary(grouping: security, by: \.period).sorted { $0.key > $1.key }.map { period, group in
            var requests: [LegalProcess: Count] = [:], accounts: [LegalProcess: Count] = [:]
            for figure in group {
                guard case .count(let count) = figure.value else { continue }
                if figure.measure == .requests { requests[figure.process] = count }
                if figure.measure == .accounts { accounts[figure.process] = count }
            }
            let regimes = Set(group.compactMap(\.regime)).sorted { $0.rawValue < $1.rawValue }
            return SecurityRow(period: period, requests: requests, accounts: accounts, regimes: regimes, sources: Self.sources(group))
        }
    }

    private static func sources(_ figures: [RequestFigure]) -> [SourceID] {
        Array(Set(figures.flatMap(\.sources))).sorted()
    }
}
