import TransparencyModel

/// A company's request figures worked out for its report: totals over time, by legal process,
/// the top jurisdictions of the latest period, and the US national-security bands.
public struct RequestAnalysis: Sendable {
    /// The headline total of one period: all requests, with what they cover and how they were obtained.
    public struct PeriodTotal: Sendable {
        public var period: Period
        public var requests: RequestTotals.Total
        public var coverage: Coverage
        public var derivation: HierarchySum.Derivation
        public var sources: [SourceID]

        public init(
            period: Period, requests: RequestTotals.Total, coverage: Coverage,
            derivation: HierarchySum.Derivation = .published, sources: [SourceID]
        ) {
            self.period = period
            self.requests = requests
            self.coverage = coverage
            self.derivation = derivation
            self.sources = sources
        }
    }

    /// Headline totals of alike coverage (`Coverage.isAlike`), in date order: one line of a chart.
    public struct Series: Sendable {
        public var coverage: Coverage
        public var totals: [PeriodTotal]
    }

    /// One period's requests by legal process, over every jurisdiction (`RequestHierarchy`).
    public struct ProcessRow: Sendable {
        public var period: Period
        public var byProcess: [LegalProcess: HierarchySum]
        public var sources: [SourceID]
    }

    /// One jurisdiction's totals in the latest period.
    public struct JurisdictionRow: Sendable {
        public var jurisdiction: Jurisdiction
        public var requests: HierarchySum
        public var accounts: HierarchySum?
        /// The share with data, as published on the jurisdiction's total.
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

    /// Headline totals in date order.
    public var totals: [PeriodTotal]
    /// The headline totals split by coverage, in the order of their first period.
    public var series: [Series]
    /// Latest period first.
    public var byProcess: [ProcessRow]
    /// The processes `byProcess` shows: `all`, and those with figures of their own, in vocabulary order.
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
    /// The publisher's footnotes on the figures.
    public var notes: [FigureNote]
    /// Each period's sums, in date order (the comparison pages' lines come from them too).
    var tallies: [PeriodTally]
    /// Each period's figures, in date order, as the sums were made from them.
    public var periods: [PeriodFigures]

    public init(figures: [RequestFigure], topCount: Int = 10) {
        figureCount = figures.count
        notes = FigureNote.notes(of: figures)
        periods = PeriodFigures.split(figures)
        var latestHierarchy: RequestHierarchy?, latestIndices: [Int] = []
        tallies = periods.map { part in
            let tally = PeriodTally(period: part.period, figures: figures, indices: part.indices, hierarchy: part.hierarchy)
            if tally.requests != nil { (latestHierarchy, latestIndices) = (part.hierarchy, part.indices) }
            return tally
        }
        totals = tallies.compactMap { tally in
            tally.requests.map {
                PeriodTotal(period: tally.period, requests: $0.total, coverage: $0.coverage, derivation: $0.derivation, sources: $0.sources)
            }
        }
        var series: [Series] = []
        for total in totals {
            if let index = series.firstIndex(where: { $0.coverage.isAlike(total.coverage) }) {
                series[index].totals.append(total)
            } else {
                series.append(Series(coverage: total.coverage, totals: [total]))
            }
        }
        self.series = series
        byProcess = tallies.reversed().compactMap { tally in
            tally.requests == nil ? nil : ProcessRow(period: tally.period, byProcess: tally.byProcess, sources: tally.requests?.sources ?? [])
        }
        var ownProcesses: UInt32 = 1 << UInt32(LegalProcess.all.declarationIndex)
        for index in figures.indices where figures[index].subject != .devices {
            ownProcesses |= 1 << UInt32(figures[index].process.declarationIndex)
        }
        processes = LegalProcess.allCases.filter { ownProcesses & 1 << UInt32($0.declarationIndex) != 0 && !RequestTotals.isNationalSecurity($0) }
        let latest = totals.last
        latestPeriod = latest?.period
        var rows: [JurisdictionRow] = []
        if let latest, let hierarchy = latestHierarchy {
            let subject = latest.coverage.subject
            let indices = latestIndices
            for jurisdiction in hierarchy.jurisdictions(subject) where jurisdiction != .world {
                guard let requests = hierarchy.total(.all, .requests, subject: subject, in: jurisdiction) else { continue }
                let accounts = PeriodTally.accounts(
                    hierarchy.total(.all, .accounts, subject: subject, in: jurisdiction), of: requests, figures: figures)
                rows.append(JurisdictionRow(
                    jurisdiction: jurisdiction, requests: requests, accounts: accounts,
                    percentWithData: Self.publishedShare(of: requests, figures: figures, among: indices),
                    sources: Array(Set(requests.sources + (accounts?.sources ?? []))).sorted()))
            }
        }
        jurisdictionCount = rows.count
        topJurisdictions = rows
            .sorted { ($1.requests.total.reported?.maximum ?? 0, $0.jurisdiction.name) < ($0.requests.total.reported?.maximum ?? 0, $1.jurisdiction.name) }
            .prefix(topCount).map { $0 }
        securityProcesses = Set(tallies.flatMap(\.securityProcesses)).sorted()
        nationalSecurity = tallies.reversed().filter(\.hasSecurityFigures).map { tally in
            SecurityRow(
                period: tally.period, requests: tally.securityRequests, accounts: tally.securityAccounts,
                regimes: tally.regimes, sources: tally.securitySources)
        }
    }

    /// The share with data published on the same line as `sum`'s one figure; nil when the sum
    /// is not one published figure, or no share was published for it.
    static func publishedShare(of sum: HierarchySum, figures: [RequestFigure], among indices: [Int]) -> Double? {
        guard sum.derivation == .published else { return nil }
        let line = figures[sum.counted[0]].key.line
        for index in indices where figures[index].measure == .percentWithData && figures[index].key.line == line {
            if case .percentage(let value) = figures[index].value { return value }
        }
        return nil
    }
}
