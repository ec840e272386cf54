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
    /// How many figures there are.
    public var figureCount: Int

    public init(figures: [RequestFigure], topCount: Int = 10) {
        figureCount = figures.count
        // Figures are reached through their indices, grouped once by period: never copied.
        var byPeriod: [Period: [Int]] = [:]
        var lastPeriod: Period?, run: [Int] = []
        for index in figures.indices {
            let period = figures[index].period
            if period != lastPeriod, let lastPeriod {
                byPeriod[lastPeriod, default: []] += run
                run.removeAll(keepingCapacity: true)
            }
            lastPeriod = period
            run.append(index)
        }
        if let lastPeriod { byPeriod[lastPeriod, default: []] += run }
        let periods = byPeriod.keys.sorted()
        var totals: [PeriodTotal] = []
        var byProcess: [ProcessRow] = []
        var processes = Set<LegalProcess>()
        for period in periods {
            let indices = byPeriod[period] ?? []
            let counted = RequestTotals.scope(figures, at: indices.filter { RequestTotals.countsTowardsTotal(figures[$0]) })
            if let total = RequestTotals.sum(figures, at: counted, .requests) {
                totals.append(PeriodTotal(period: period, requests: total, sources: Self.sources(figures, counted)))
            }
            let allOrdinary = indices.filter {
                figures[$0].subject == .accounts && !RequestTotals.isNationalSecurity(figures[$0].process)
            }
            for index in allOrdinary { processes.insert(figures[index].process) }
            let ordinary = RequestTotals.scope(figures, at: allOrdinary)
            var groups: [LegalProcess: [Int]] = [:]
            for index in ordinary { groups[figures[index].process, default: []].append(index) }
            var row: [LegalProcess: RequestTotals.Total] = [:]
            for (process, group) in groups {
                row[process] = RequestTotals.sum(figures, at: group, .requests)
            }
            if !row.isEmpty { byProcess.append(ProcessRow(period: period, byProcess: row, sources: Self.sources(figures, ordinary))) }
        }
        self.totals = totals
        self.byProcess = byProcess.reversed()
        self.processes = processes.sorted()
        let latest = totals.last?.period
        latestPeriod = latest
        let latestIndices = (latest.flatMap { byPeriod[$0] } ?? []).filter {
            RequestTotals.countsTowardsTotal(figures[$0]) && figures[$0].jurisdiction != .world
        }
        var byJurisdiction: [Jurisdiction: [Int]] = [:]
        for index in latestIndices { byJurisdiction[figures[index].jurisdiction, default: []].append(index) }
        jurisdictionCount = byJurisdiction.count
        topJurisdictions = byJurisdiction.compactMap { jurisdiction, group -> JurisdictionRow? in
            guard let requests = RequestTotals.sum(figures, at: group, .requests) else { return nil }
            let lines = Set(group.map { "\(figures[$0].process)|\(figures[$0].publishedAs ?? "")" })
            var percent: Double?
            if lines.count == 1, let share = group.first(where: { figures[$0].measure == .percentWithData }),
               case .percentage(let value) = figures[share].value {
                percent = value
            }
            return JurisdictionRow(
                jurisdiction: jurisdiction, requests: requests, accounts: RequestTotals.sum(figures, at: group, .accounts),
                percentWithData: percent, sources: Self.sources(figures, group))
        }
        .sorted { ($1.requests.reported?.maximum ?? 0, $0.jurisdiction.name) < ($0.requests.reported?.maximum ?? 0, $1.jurisdiction.name) }
        .prefix(topCount).map { $0 }
        var security: [Period: [Int]] = [:]
        var securityProcesses = Set<LegalProcess>()
        for index in figures.indices where RequestTotals.isNationalSecurity(figures[index].process) {
            security[figures[index].period, default: []].append(index)
            securityProcesses.insert(figures[index].process)
        }
        self.securityProcesses = securityProcesses.sorted()
        nationalSecurity = security.sorted { $0.key > $1.key }.map { period, group in
            var requests: [LegalProcess: Count] = [:], accounts: [LegalProcess: Count] = [:]
            for index in group {
                let figure = figures[index]
                guard case .count(let count) = figure.value else { continue }
                if figure.measure == .requests { requests[figure.process] = count }
                if figure.measure == .accounts { accounts[figure.process] = count }
            }
            let regimes = Set(group.compactMap { figures[$0].regime }).sorted { $0.rawValue < $1.rawValue }
            return SecurityRow(period: period, requests: requests, accounts: accounts, regimes: regimes, sources: Self.sources(figures, group))
        }
    }

    /// The sources the figures at `indices` cite, in id order.
    static func sources(_ figures: [RequestFigure], _ indices: [Int]) -> [SourceID] {
        var found = Set<SourceID>()
        var last: [SourceID]?
        for index in indices {
            let sources = figures[index].sources
            if sources == last { continue }  // Figures of a file share their source lists.
            found.formUnion(sources)
            last = sources
        }
        return found.sorted()
    }
}
