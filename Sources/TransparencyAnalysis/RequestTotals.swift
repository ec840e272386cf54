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

    /// Whether `process` is shown apart, in the national-security section.
    @inlinable
    public static func isNationalSecurity(_ process: LegalProcess) -> Bool {
        switch process {
        case .nationalSecurityLetter, .fisaContent, .fisaNonContent, .nationalSecurityCombined: true
        default: false
        }
    }

    /// Whether a figure of `subject` and `process` counts towards the headline total.
    @inlinable
    public static func countsTowardsTotal(subject: RequestSubject, process: LegalProcess) -> Bool {
        subject == .accounts && process != .preservation && !isNationalSecurity(process)
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

    /// A sum made count by count: the reported parts added up, the unreported ones counted.
    public struct Accumulator: Sendable {
        public private(set) var reported: Count?
        public private(set) var unreported = 0
        private var found = false

        public init() {}

        public mutating func add(_ count: Count) {
            found = true
            if count == .notReported { unreported += 1 } else { reported = reported.map { $0 + count } ?? count }
        }

        /// The sum; nil when nothing was added.
        public var total: Total? { found ? Total(reported: reported, unreported: unreported) : nil }
    }

    /// The sum of the counts of `measure` among the figures at `indices`; nil when there is none.
    public static func sum(_ figures: [RequestFigure], at indices: some Sequence<Int>, _ measure: Measure) -> Total? {
        var sum = Accumulator()
        for index in indices where figures[index].measure == measure {
            if case .count(let count) = figures[index].value { sum.add(count) }
        }
        return sum.total
    }
}
