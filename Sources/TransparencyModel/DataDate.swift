/// A calendar date as precise as its source: a day (`2013-07-11`), a month (`2012-10`) or a year.
public struct DataDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, month and day in one number, `year << 9 | month << 5 | day` (0 for a missing
    /// part), so that dates compare as numbers and a figure's period stays small.
    private let packed: UInt32

    public var year: Int { Int(packed >> 9) }
    /// 1–12, or nil for a year.
    public var month: Int? {
        let month = Int(packed >> 5 & 0xF)
        return month == 0 ? nil : month
    }
    /// 1–31, or nil for a month or a year.
    public var day: Int? {
        let day = Int(packed & 0x1F)
        return day == 0 ? nil : day
    }

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
        packed = Self.pack(year: year, month: month ?? 0, day: day ?? 0)
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

    /// `2013-07-11`, `2012-10` or `2013` (the year in four digits, as it is parsed: `0736`).
    public var description: String {
        var text = String(year)
        if year < 1000 { text = String(repeating: "0", count: 4 - text.count) + text }
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

    /// By year, then month, then day; a year comes before its months, a month before its days.
    public static func < (lhs: DataDate, rhs: DataDate) -> Bool { lhs.packed < rhs.packed }

    /// For callers that have checked the parts already.
    init(uncheckedYear year: Int, month: Int, day: Int) {
        packed = Self.pack(year: year, month: month, day: day)
    }

    /// `packed` for checked parts (0 for a missing month or day).
    private static func pack(year: Int, month: Int, day: Int) -> UInt32 {
        UInt32(year) << 9 | UInt32(month) << 5 | UInt32(day)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
