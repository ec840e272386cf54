import TransparencyModel

/// How figures add up across jurisdictions and legal processes, shared by tables, charts and
/// comparisons so that they all count the same way.
///
/// - A period's total uses the publisher's `WORLD` figures when it gave them, and the sum of its
///   jurisdictions otherwise, so that nothing is counted twice.
/// - The headline total counts requests for user accounts under every legal process except
///   preservation requests (which disclose nothing) and US national-security requests (which
///   are published only in bands, and shown apart).
/// - Sums of ranges are ranges. Parts that were not reported are counted apart rather than as
///   zero: a sum with one shows as "at least" the reported parts.
public enum RequestTotals {
    /// Processes shown apart, in the national-security section.
    public static let nationalSecurity: Set<LegalProcess> = [.nationalSecurityLetter, .fisaContent, .fisaNonContent, .nationalSecurityCombined]

    /// Whether `process` is shown apart, in the national-security section.
    @inlinable
    public static func isNationalSecurity(_ process: LegalProcess) -> Bool {
        switch process {
        case .nationalSecurityLetter, .fisaContent, .fisaNonContent, .nationalSecurityCombined: true
        default: false
        }
    }

    /// Whether a figure counts towards the headline total.
    public static func countsTowardsTotal(_ figure: RequestFigure) -> Bool {
        figure.subject == .accounts && figure.process != .preservation && !isNationalSecurity(figure.process)
    }

    /// The figures of one period to add up: the WORLD ones when there are any, else all.
    public static func scope(_ figures: [RequestFigure]) -> [RequestFigure] {
        let world = figures.filter { $0.jurisdiction == .world }
        return world.isEmpty ? figures : world
    }

    /// `scope` over the figures at `indices`: the indices of the WORLD ones when there are any,
    /// else all of them.
    public static func scope(_ figures: [RequestFigure], at indices: [Int]) -> [Int] {
        let world = indices.filter { figures[$0].jurisdiction == .world }
        return world.isEmpty ? indices : world
    }

    /// A sum of published counts: the reported parts added up, and how many parts were not reported.
    public struct Total: Hashable, Sendable {
        /// The sum of the reported parts; nil when no part was reported.
        public var reported: Count?
        /// Parts published as "not reported".
        public var unreported: Int

        public init(reported: Count?, unreported: Int) {
            self.reported = reported
            self.unreported = unreported
        }

        /// `7,014`, `0–499`, `at least 113,217 (1 not reported)`, `not reported`.
        public var label: String {
            guard let reported else { return "not reported" }
            guard unreported > 0 else { return reported.label }
            let lowest = reported.minimum.map(Count.grouped) ?? reported.label
            return "at least \(lowest) (\(unreported) not reported)"
        }
    }

    /// The sum of the counts of `measure` in `figures`; nil when there is none.
    public static func sum(_ figures: [RequestFigure], _ measure: Measure) -> Total? {
        sum(figures, at: figures.indices, measure)
    }

    /// `sum` over the figures at `indices`, without copying them.
    public static func sum(_ figures: [RequestFigure], at indices: some Sequence<Int>, _ measure: Measure) -> Total? {
        var reported: Count?
        var unreported = 0
        var found = false
        for index in indices where figures[index].measure == measure {
            guard case .count(let count) = figures[index].value else { continue }
            found = true
            if count == .notReported {
                unreported += 1
            } else {
                reported = reported.map { $0 + count } ?? count
            }
        }
        return found ? Total(reported: reported, unreported: unreported) : nil
    }

    /// The headline number of requests in one period's figures.
    public static func total(_ periodFigures: [RequestFigure]) -> Total? {
        sum(scope(periodFigures.filter(countsTowardsTotal)), .requests)
    }
}
