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
        /// The sum of one jurisdiction's figures for this many processes (one: a single figure
        /// of a process under this one, standing for its total).
        case processes(Int)
        /// The sum of this many countries' totals.
        case countries(Int)

        /// `as published`, `sum of 6 processes`, …
        public var label: String {
            switch self {
            case .published: "as published"
            case .categories(let count): "sum of \(count) categories"
            case .processes(let count): count == 1 ? "one part only" : "sum of \(count) processes"
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

    /// The sum of the figures at `counted` (at least one), which come jurisdiction by
    /// jurisdiction, as the total of `process` (nil: as a sum of parts).
    init(figures: [RequestFigure], counted: [Int], for process: LegalProcess? = nil) {
        var sum = RequestTotals.Accumulator(), sources = SourceCollector()
        var jurisdictions = 0, lastJurisdiction: Jurisdiction?, processes: UInt32 = 0
        var includesNationalSecurity = false
        // Read in place: a figure taken out of the array would be copied, its references counted.
        figures.withUnsafeBufferPointer { figures in
            for index in counted {
                if case .count(let count) = figures[index].value { sum.add(count) }
                if figures[index].earlierEditions.isEmpty {
                    sources.add(figures[index].sources)
                } else {
                    sources.add(figures[index].supportingSources)
                }
                if figures[index].jurisdiction != lastJurisdiction {
                    jurisdictions += 1
                    lastJurisdiction = figures[index].jurisdiction
                }
                processes |= 1 << UInt32(figures[index].process.declarationIndex)
                if figures[index].regime == .combined1000 { includesNationalSecurity = true }
            }
        }
        total = sum.total ?? RequestTotals.Total(reported: nil, unreported: 0)
        self.counted = counted
        self.sources = sources.sorted
        let first = counted[0]
        if counted.count == 1 {
            // One figure of another process stands for this one's total: a sum of one part.
            derivation = process == nil || figures[first].process == process ? .published : .processes(1)
        } else if jurisdictions > 1 {
            derivation = .countries(jurisdictions)
        } else if processes.nonzeroBitCount == 1 {
            derivation = .categories(counted.count)
        } else {
            derivation = .processes(processes.nonzeroBitCount)
        }
        let scope: Coverage.Scope
        if figures[first].jurisdiction == .world {
            scope = .worldwide
        } else if jurisdictions == 1 {
            scope = .country(figures[first].jurisdiction)
        } else {
            scope = .countries(jurisdictions)
        }
        coverage = Coverage(scope: scope, subject: figures[first].subject, includesNationalSecurity: includesNationalSecurity)
    }
}
