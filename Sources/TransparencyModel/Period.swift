/// The span a set of request figures covers.
public enum Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// `2013-H1` (January–June) or `2013-H2` (July–December).
    case halfYear(year: Int, half: Int)
    /// `2013`.
    case year(Int)
    /// `2012-12-01..2013-05-31`, both days included.
    case range(from: DataDate, to: DataDate)

    /// Parses `YYYY-H1`, `YYYY-H2`, `YYYY` or `YYYY-MM-DD..YYYY-MM-DD` (first day not after last).
    public init?(parsing text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, parts[1].isEmpty {
            guard let from = DataDate(parsing: String(parts[0])),
                  let to = DataDate(parsing: String(parts[2])),
                  from.day != nil, to.day != nil, from <= to else { return nil }
            self = .range(from: from, to: to)
        } else if text.utf8.count == 7, text.hasSuffix("-H1") || text.hasSuffix("-H2"),
                  let year = DataDate(parsing: String(text.prefix(4)))?.year,
                  let half = Int(String(text.suffix(1))) {
            self = .halfYear(year: year, half: half)
        } else if text.utf8.count == 4, let date = DataDate(parsing: text) {
            self = .year(date.year)
        } else {
            return nil
        }
    }

    /// The first day covered.
    public var start: DataDate {
        switch self {
        case .halfYear(let year, let half): DataDate(uncheckedYear: year, month: half == 1 ? 1 : 7, day: 1)
        case .year(let year): DataDate(uncheckedYear: year, month: 1, day: 1)
        case .range(let from, _): from
        }
    }

    /// The last day covered.
    public var end: DataDate {
        switch self {
        case .halfYear(let year, let half): DataDate(uncheckedYear: year, month: half == 1 ? 6 : 12, day: half == 1 ? 30 : 31)
        case .year(let year): DataDate(uncheckedYear: year, month: 12, day: 31)
        case .range(_, let to): to
        }
    }

    /// The form used in the dataset: `2013-H1`, `2013`, `2012-12-01..2013-05-31`.
    public var description: String {
        switch self {
        case .halfYear(let year, let half): "\(year)-H\(half)"
        case .year(let year): String(year)
        case .range(let from, let to): "\(from)..\(to)"
        }
    }

    /// The form used in reports: `2013 H1 (Jan–Jun)`, `2013`, `1 December 2012 – 31 May 2013`.
    public var label: String {
        switch self {
        case .halfYear(let year, let half): half == 1 ? "\(year) H1 (Jan–Jun)" : "\(year) H2 (Jul–Dec)"
        case .year(let year): String(year)
        case .range(let from, let to): "\(from.longDescription) – \(to.longDescription)"
        }
    }

    /// The short form used in tables and charts: `2013 H1`, `2013`, `Dec 2012 – May 2013`.
    public var shortLabel: String {
        switch self {
        case .halfYear(let year, let half): "\(year) H\(half)"
        case .year(let year): String(year)
        case .range(let from, let to): "\(from.shortMonth) – \(to.shortMonth)"
        }
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.end, lhs.start) < (rhs.end, rhs.start)
    }
}
