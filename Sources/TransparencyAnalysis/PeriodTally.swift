import TransparencyModel

/// Everything the report and the comparison pages take from one period's figures: the headline
/// total and accounts, requests by legal process (each made by `RequestHierarchy`, so nothing
/// counts twice), the national-security bands, and the sources.
struct PeriodTally: Sendable {
    var period: Period
    /// All requests (`LegalProcess.all`) for user accounts, or where the period has none, for
    /// accounts or devices together; and the accounts those requests specified.
    var requests: HierarchySum?
    var accounts: HierarchySum?
    /// The headline's subject's requests by legal process, for every process with figures or
    /// children with figures, preservation requests included.
    var byProcess: [LegalProcess: HierarchySum]
    /// National-security bands by process (requests and accounts), their regimes and sources.
    var securityRequests: [LegalProcess: Count]
    var securityAccounts: [LegalProcess: Count]
    var regimes: [BandRegime]
    var securitySources: [SourceID]
    /// The processes of the period's national-security figures, in vocabulary order.
    var securityProcesses: [LegalProcess]
    var hasSecurityFigures: Bool { !securityProcesses.isEmpty }
    /// The sources of every figure of the period.
    var sources: [SourceID]

    /// Tallies the figures at `indices`, which all belong to `period` and are arranged in `hierarchy`.
    init(period: Period, figures: [RequestFigure], indices: [Int], hierarchy: RequestHierarchy) {
        self.period = period
        var subject = RequestSubject.accounts
        var totals = hierarchy.totals(.requests, subject: .accounts)
        if totals[LegalProcess.all.declarationIndex] == nil, hierarchy.subjects.contains(.accountsOrDevices) {
            let other = hierarchy.totals(.requests, subject: .accountsOrDevices)
            if other[LegalProcess.all.declarationIndex] != nil { (subject, totals) = (.accountsOrDevices, other) }
        }
        requests = totals[LegalProcess.all.declarationIndex]
        accounts = Self.accounts(hierarchy.totals(.accounts, subject: subject)[LegalProcess.all.declarationIndex], of: requests, figures: figures)
        var byProcess: [LegalProcess: HierarchySum] = [:]
        for process in LegalProcess.allCases where !RequestTotals.isNationalSecurity(process) {
            byProcess[process] = totals[process.declarationIndex]
        }
        self.byProcess = byProcess
        var all = SourceCollector(), security = SourceCollector()
        var securityRequests: [LegalProcess: Count] = [:], securityAccounts: [LegalProcess: Count] = [:]
        var regimes = Set<BandRegime>()
        var securitySeen = Set<LegalProcess>()
        for index in indices {
            all.add(figures[index].earlierEditions.isEmpty ? figures[index].sources : figures[index].allSources)
            let process = figures[index].process
            guard RequestTotals.isNationalSecurity(process) else { continue }
            securitySeen.insert(process)
            security.add(figures[index].sources)
            if let regime = figures[index].regime { regimes.insert(regime) }
            guard case .count(let count) = figures[index].value else { continue }
            if figures[index].measure == .requests { securityRequests[process] = count }
            if figures[index].measure == .accounts { securityAccounts[process] = count }
        }
        self.securityRequests = securityRequests
        self.securityAccounts = securityAccounts
        self.regimes = regimes.sorted { $0.rawValue < $1.rawValue }
        securitySources = security.sorted
        securityProcesses = securitySeen.sorted()
        sources = all.sorted
    }
}

extension PeriodTally {
    /// The accounts sum, with each counted request figure whose jurisdiction gave no accounts for
    /// its process or one above it counted as a part not reported: Apple gives no accounts for
    /// emergency requests, so its accounts are at least those of legal process; accounts for a
    /// subpoena alone are at least those of all requests.
    static func accounts(_ accounts: HierarchySum?, of requests: HierarchySum?, figures: [RequestFigure]) -> HierarchySum? {
        guard var accounts, let requests else { return accounts }
        var given: [Jurisdiction: UInt32] = [:]
        for index in accounts.counted { given[figures[index].jurisdiction, default: 0] |= 1 << UInt32(figures[index].process.declarationIndex) }
        var missing = 0
        for index in requests.counted {
            let process = figures[index].process
            var related: UInt32 = 0
            var step: LegalProcess? = process
            while let current = step {
                related |= 1 << UInt32(current.declarationIndex)
                step = current.parent
            }
            if (given[figures[index].jurisdiction] ?? 0) & related == 0 { missing += 1 }
        }
        accounts.total.unreported += missing
        return accounts
    }
}

/// The distinct sources of figures, which share their lists within a file: a list is looked at
/// only when it differs from the one before.
struct SourceCollector {
    private var found = Set<SourceID>()
    private var last: [SourceID]?

    mutating func add(_ sources: [SourceID]) {
        if sources == last { return }
        found.formUnion(sources)
        last = sources
    }

    var sorted: [SourceID] { found.sorted() }
}
