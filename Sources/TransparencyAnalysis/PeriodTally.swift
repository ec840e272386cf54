import TransparencyModel

/// Everything the report and the comparison pages add up from one period's figures, made in one
/// pass over them: the headline total and accounts (over the WORLD figures when there are any,
/// see `RequestTotals`), requests by legal process, the national-security bands, and the sources.
struct PeriodTally: Sendable {
    var period: Period
    /// The counted figures' requests and accounts, and their sources.
    var requests: RequestTotals.Total?
    var accounts: RequestTotals.Total?
    var countedSources: [SourceID]
    /// Requests for user accounts by ordinary legal process, and the sources of those figures.
    var byProcess: [LegalProcess: RequestTotals.Total]
    var ordinarySources: [SourceID]
    /// Processes with ordinary figures, whether or not they count in the scope.
    var ordinaryProcesses: [LegalProcess]
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

    /// Tallies the figures at `indices`, which all belong to `period`.
    init(period: Period, figures: UnsafeBufferPointer<RequestFigure>, indices: [Int]) {
        self.period = period
        var counted = ScopedSums(), ordinary = ScopedSums()
        var ordinarySeen = [Bool](repeating: false, count: LegalProcess.allCases.count)
        var all = SourceCollector(), security = SourceCollector()
        var securityRequests: [LegalProcess: Count] = [:], securityAccounts: [LegalProcess: Count] = [:]
        var regimes = Set<BandRegime>()
        var securitySeen = [Bool](repeating: false, count: LegalProcess.allCases.count)
        for index in indices {
            let figure = figures.baseAddress.unsafelyUnwrapped + index
            all.add(figure.pointee.sources)
            let process = figure.pointee.process
            if RequestTotals.isNationalSecurity(process) {
                securitySeen[process.declarationIndex] = true
                security.add(figure.pointee.sources)
                if let regime = figure.pointee.regime { regimes.insert(regime) }
                guard case .count(let count) = figure.pointee.value else { continue }
                if figure.pointee.measure == .requests { securityRequests[process] = count }
                if figure.pointee.measure == .accounts { securityAccounts[process] = count }
                continue
            }
            guard figure.pointee.subject == .accounts else { continue }
            ordinarySeen[process.declarationIndex] = true
            // The figure is passed by its address: passing `pointee` copies every field.
            ordinary.add(figure, slot: process.declarationIndex)
            if RequestTotals.countsTowardsTotal(subject: .accounts, process: process) { counted.add(figure, slot: 0) }
        }
        requests = counted.total(slot: 0, .requests)
        accounts = counted.total(slot: 0, .accounts)
        countedSources = counted.sources
        var byProcess: [LegalProcess: RequestTotals.Total] = [:]
        for process in LegalProcess.allCases where ordinarySeen[process.declarationIndex] {
            byProcess[process] = ordinary.total(slot: process.declarationIndex, .requests)
        }
        self.byProcess = byProcess
        ordinarySources = ordinary.sources
        ordinaryProcesses = LegalProcess.allCases.filter { ordinarySeen[$0.declarationIndex] }
        self.securityRequests = securityRequests
        self.securityAccounts = securityAccounts
        self.regimes = regimes.sorted { $0.rawValue < $1.rawValue }
        securitySources = security.sorted
        securityProcesses = LegalProcess.allCases.filter { securitySeen[$0.declarationIndex] }
        sources = all.sorted
    }
}

/// Sums of requests and accounts in slots (one per legal process, say), each kept twice: over all
/// figures and over the WORLD ones, since the scope is the WORLD figures when there are any
/// (`RequestTotals`).
private struct ScopedSums {
    typealias Sum = RequestTotals.Accumulator

    private var all = [Sum](repeating: Sum(), count: 2 * LegalProcess.allCases.count)
    private var world = [Sum](repeating: Sum(), count: 2 * LegalProcess.allCases.count)
    private var hasWorld = false
    private var allSources = SourceCollector(), worldSources = SourceCollector()

    mutating func add(_ figure: UnsafePointer<RequestFigure>, slot: Int) {
        let isWorld = figure.pointee.jurisdiction == .world
        if isWorld {
            hasWorld = true
            worldSources.add(figure.pointee.sources)
        }
        allSources.add(figure.pointee.sources)
        let measure: Int
        switch figure.pointee.measure {
        case .requests: measure = 0
        case .accounts: measure = 1
        default: return
        }
        guard case .count(let count) = figure.pointee.value else { return }
        all[2 * slot + measure].add(count)
        if isWorld { world[2 * slot + measure].add(count) }
    }

    func total(slot: Int, _ measure: Measure) -> RequestTotals.Total? {
        let index = 2 * slot + (measure == .requests ? 0 : 1)
        return (hasWorld ? world : all)[index].total
    }

    var sources: [SourceID] { (hasWorld ? worldSources : allSources).sorted }
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
