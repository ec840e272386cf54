import TransparencyModel

/// A total made by `RequestHierarchy`: the sum, the figures it counted, how it was obtained and
/// what it covers.
public struct HierarchySum: Sendable {
    /// How a total was obtained.
    public enum Derivation: Hashable, Sendable {
        /// One figure, as published.
        case published
        /// The sum of one jurisdiction's figures for this many categories of one process.
        case categories(Int)
        /// The sum of one jurisdiction's figures for this many processes.
        case processes(Int)
        /// The sum of this many countries' totals.
        case countries(Int)

        /// `as published`, `sum of 6 processes`, …
        public var label: String {
            switch self {
            case .published: "as published"
            case .categories(let count): "sum of \(count) categories"
            case .processes(let count): "sum of \(count) processes"
            case .countries(let count): "sum of \(count) countries"
            }
        }
    }

    public var total: RequestTotals.Total
    /// The indices of the figures counted, each once.
    public var counted: [Int]
    public var derivation: Derivation
    public var coverage: Coverage
    /// The counted figures' sources, in id order.
    public var sources: [SourceID]

    /// The sum of the figures at `counted` (at least one).
    init(figures: [RequestFigure], counted: [Int]) {
        var sum = RequestTotals.Accumulator(), sources = SourceCollector()
        var jurisdictions = Set<Jurisdiction>(), processes = Set<LegalProcess>()
        var includesNationalSecurity = false
        for index in counted {
            let figure = figures[index]
            if case .count(let count) = figure.value { sum.add(count) }
            sources.add(figure.supportingSources)
            jurisdictions.insert(figure.jurisdiction)
            processes.insert(figure.process)
            if figure.regime == .combined1000 { includesNationalSecurity = true }
        }
        total = sum.total ?? RequestTotals.Total(reported: nil, unreported: 0)
        self.counted = counted
        self.sources = sources.sorted
        let first = figures[counted[0]]
        if counted.count == 1 {
            derivation = .published
        } else if jurisdictions.count > 1 {
            derivation = .countries(jurisdictions.count)
        } else if processes.count == 1 {
            derivation = .categories(counted.count)
        } else {
            derivation = .processes(processes.count)
        }
        let scope: Coverage.Scope
        if first.jurisdiction == .world {
            scope = .worldwide
        } else if jurisdictions.count == 1 {
            scope = .country(first.jurisdiction)
        } else {
            scope = .countries(jurisdictions.count)
        }
        coverage = Coverage(scope: scope, subject: first.subject, includesNationalSecurity: includesNationalSecurity)
    }
}
