import TransparencyModel

/// The sums that tables, charts and comparisons show, and the processes shown apart from them.
/// How figures are chosen for a sum is `RequestHierarchy`'s work: no figure counts twice.
///
/// - Preservation requests (which disclose nothing) and US national-security requests (published
///   only in bands, and shown apart) are in no total.
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
        private var minimum = 0, maximum = 0, exact = true, anyReported = false
        public private(set) var unreported = 0
        private var found = false

        public init() {}

        public mutating func add(_ count: Count) {
            found = true
            switch count {
            case .notReported: unreported += 1
            case .exact(let value):
                minimum += value
                maximum += value
                anyReported = true
            case .range(let low, let high):
                minimum += low
                maximum += high
                exact = false
                anyReported = true
            }
        }

        /// The sum of the reported parts (`Count`'s `+`): exact while every part is; nil when
        /// none was reported.
        public var reported: Count? {
            guard anyReported else { return nil }
            return exact ? .exact(minimum) : .range(minimum: minimum, maximum: maximum)
        }

        /// The sum; nil when nothing was added.
        public var total: Total? { found ? Total(reported: reported, unreported: unreported) : nil }
    }
}
