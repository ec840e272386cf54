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
    /// Each period's sums, in date order (the comparison pages' lines come from them too).
    var tallies: [PeriodTally]

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
        tallies = figures.withUnsafeBufferPointer { buffer in
            periods.map { PeriodTally(period: $0, figures: buffer, indices: byPeriod[$0] ?? []) }
        }
        totals = tallies.compactMap { tally in
            tally.requests.map { PeriodTotal(period: tally.period, requests: $0, sources: tally.countedSources) }
        }
        byProcess = tallies.reversed().compactMap { tally in
            tally.byProcess.isEmpty ? nil : ProcessRow(period: tally.period, byProcess: tally.byProcess, sources: tally.ordinarySources)
        }
        processes = Set(tallies.flatMap(\.ordinaryProcesses)).sorted()
        let latest = totals.last?.period
        latestPeriod = latest
        let latestIndices = (latest.flatMap { byPeriod[$0] } ?? []).filter {
            RequestTotals.countsTowardsTotal(subject: figures[$0].subject, process: figures[$0].process) && figures[$0].jurisdiction != .world
        }
        var byJurisdiction: [Jurisdiction: [Int]] = [:]
        for index in latestIndices { byJurisdiction[figures[index].jurisdiction, default: []].append(index) }
        jurisdictionCount = byJurisdiction.count
        topJurisdictions = byJurisdiction.compactMap { jurisdiction, group -> JurisdictionRow? in
            guard let requests = RequestTotals.sum(figures, at: group, .requests) else { return nil }
            // One line: every figure of the same process, in the same words.
            let first = figures[group[0]]
            let oneLine = group.allSatisfy { figures[$0].process == first.process && figures[$0].publishedAs == first.publishedAs }
            var percent: Double?
            if oneLine, let share = group.first(where: { figures[$0].measure == .percentWithData }),
               case .percentage(let value) = figures[share].value {
                percent = value
            }
            return JurisdictionRow(
                jurisdiction: jurisdiction, requests: requests, accounts: RequestTotals.sum(figures, at: group, .accounts),
                percentWithData: percent, sources: Self.sources(figures, group))
        }
        .sorted { ($1.requests.reported?.maximum ?? 0, $0.jurisdiction.name) < ($0.requests.reported?.maximum ?? 0, $1.jurisdiction.name) }
        .prefix(topCount).map { $0 }
        securityProcesses = Set(tallies.flatMap(\.securityProcesses)).sorted()
        nationalSecurity = tallies.reversed().filter(\.hasSecurityFigures).map { tally in
            SecurityRow(
                period: tally.period, requests: tally.securityRequests, accounts: tally.securityAccounts,
                regimes: tally.regimes, sources: tally.securitySources)
        }
    }

    /// The sources the figures at `indices` cite, in id order.
    static func sources(_ figures: [RequestFigure], _ indices: [Int]) -> [SourceID] {
        var sources = SourceCollector()
        for index in indices { sources.add(figures[index].sources) }
        return sources.sorted
    }
}
