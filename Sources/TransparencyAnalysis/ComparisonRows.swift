import TransparencyModel

extension CompanySummary {
    /// A company's lines on the comparison pages, by period: either worked out from its report,
    /// or read back from a build cache a line at a time, when a page asks for it. An incremental
    /// build reads few: the comparison pages of the periods no company made again changed stand.
    public struct ComparisonRows: Sendable, Equatable, ExpressibleByDictionaryLiteral {
        /// A period with a line, and whether the line has a headline total (which decides
        /// whether the period has a comparison page).
        public struct Entry: Sendable, Equatable {
            public var period: Period
            public var hasRequests: Bool

            public init(period: Period, hasRequests: Bool) {
                self.period = period
                self.hasRequests = hasRequests
            }
        }

        /// Each period with a line, in period order.
        public let periods: [Entry]
        private let lines: [Period: ComparisonLine]
        /// The line of `periods[index]`, read when asked (nil when it can't be).
        private let read: (@Sendable (Int) -> ComparisonLine?)?

        /// Lines worked out.
        public init(_ lines: [Period: ComparisonLine]) {
            self.lines = lines
            periods = lines.keys.sorted().map { Entry(period: $0, hasRequests: lines[$0]?.requests != nil) }
            read = nil
        }

        public init(dictionaryLiteral elements: (Period, ComparisonLine)...) {
            self.init(Dictionary(elements, uniquingKeysWith: { first, _ in first }))
        }

        /// Lines to be read when asked: `line(index)` gives the line of `periods[index]`.
        public init(periods: [Entry], line: @escaping @Sendable (Int) -> ComparisonLine?) {
            self.periods = periods
            lines = [:]
            read = line
        }

        /// The line for `period`, if the company has one.
        public subscript(period: Period) -> ComparisonLine? {
            guard let read else { return lines[period] }
            return periods.firstIndex { $0.period == period }.flatMap(read)
        }

        /// Every line, by period.
        public var all: [Period: ComparisonLine] {
            guard let read else { return lines }
            var all: [Period: ComparisonLine] = [:]
            for (index, entry) in periods.enumerated() { all[entry.period] = read(index) }
            return all
        }

        /// Each period any of `rows` has a line for, with how many of those lines have a headline
        /// total. Companies next to each other mostly have lines for the same periods: such a run
        /// is counted once (hashing every company's periods took 0.3 ms of a one-company build
        /// at N = 100, twice).
        public static func tally(_ rows: [ComparisonRows]) -> [Period: Int] {
            var counts: [Period: Int] = [:]
            var start = 0
            while start < rows.count {
                var end = start + 1
                while end < rows.count, rows[end].periods == rows[start].periods { end += 1 }
                for entry in rows[start].periods { counts[entry.period, default: 0] += entry.hasRequests ? end - start : 0 }
                start = end
            }
            return counts
        }

        public static func == (lhs: ComparisonRows, rhs: ComparisonRows) -> Bool {
            lhs.periods == rhs.periods && lhs.all == rhs.all
        }
    }
}
