/// A calendar date as precise as its source: a day (`2013-07-11`), a month (`2012-10`) or a year.
public struct DataDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1–12, or nil for a year.
    public let month: Int?
    /// 1–31, or nil for a month or a year.
    public let day: Int?

    /// A date; `nil` when the month or day does not exist (2013-02-29).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard (1...DataDate.daysIn(month: month, year: year)).contains(day) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` exactly; anything else is nil.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for (part, width) in zip(parts, widths) {
            guard part.utf8.count == width, part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  let number = Int(part) else { return nil }
            numbers.append(number)
        }
        self.init(
            year: numbers[0],
            month: numbers.count > 1 ? numbers[1] : nil,
            day: numbers.count > 2 ? numbers[2] : nil)
    }

    /// The number of days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2013-07-11`, `2012-10` or `2013`.
    public var description: String {
        var text = String(year)
        if let month { text += "-" + Self.twoDigits(month) }
        if let day { text += "-" + Self.twoDigits(day) }
        return text
    }

    /// `11 July 2013`, `October 2012` or `2013`.
    public var longDescription: String {
        guard let month else { return String(year) }
        let name = Self.monthNames[month - 1]
        guard let day else { return "\(name) \(year)" }
        return "\(day) \(name) \(year)"
    }

    /// `Dec 2012`, or the year alone.
    public var shortMonth: String {
        guard let month else { return String(year) }
        return "\(Self.monthNames[month - 1].prefix(3)) \(year)"
    }

    /// The first day this date covers.
    public var firstDay: DataDate {
        DataDate(uncheckedYear: year, month: month ?? 1, day: day ?? 1)
    }

    /// The last day this date covers.
    public var lastDay: DataDate {
        let lastMonth = month ?? 12
        return DataDate(
            uncheckedYear: year, month: lastMonth,
            day: day ?? Self.daysIn(month: lastMonth, year: year))
    }

    public static func < (lhs: DataDate, rhs: DataDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    /// For callers that have checked the parts already.
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
