import TransparencyModel

/// Reporting periods as publishers label them: half-years (`2013 H1`, `2013-H1`, `H1 2013`,
/// `1H 2013`, `2009 (2nd half)`) and English month ranges within one year (`January - June
/// 2017`, `Jan–Jun 2017`, `July-December 2012`), a range that is a half-year or a year being
/// written as one.
enum PeriodText {
    /// The forms, as an error message lists them.
    static let forms = "2013 H1, 2013-H1, H1 2013, 1H 2013, 2013 (1st half), January - June 2013, Jan–Jun 2013"

    static func period(_ text: String) -> Period? {
        let trimmed = text.trimmingSpaces
        return halfYear(trimmed) ?? monthRange(trimmed)
    }

    /// `2013 H1`, `2013-H1`, `H1 2013`, `1H 2013`, `2013 (1st half)`, `2013 (2nd half)`.
    static func halfYear(_ text: String) -> Period? {
        let lower = text.lowercased()
        for (words, half) in [("(1st half)", 1), ("(2nd half)", 2)] where lower.hasSuffix(words) {
            guard let year = year(String(lower.dropLast(words.count)).trimmingSpaces) else { return nil }
            return .halfYear(year: year, half: half)
        }
        let words = lower.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        guard words.count == 2 else { return nil }
        for (yearText, halfText) in [(words[0], words[1]), (words[1], words[0])] {
            guard let year = year(yearText) else { continue }
            switch halfText {
            case "h1", "1h": return .halfYear(year: year, half: 1)
            case "h2", "2h": return .halfYear(year: year, half: 2)
            default: return nil
            }
        }
        return nil
    }

    /// `January - June 2017`, `Jan–Jun 2017`, `July-December 2012`: months of one year.
    static func monthRange(_ text: String) -> Period? {
        let words = text.lowercased().split(whereSeparator: { " -–—".contains($0) }).map(String.init)
        guard words.count == 3, let first = month(words[0]), let last = month(words[1]), first <= last,
              let year = year(words[2]),
              let from = DataDate(year: year, month: first, day: 1), let end = DataDate(year: year, month: last) else { return nil }
        return simplified(.range(from: from, to: end.lastDay))
    }

    /// A date range that is exactly a half-year or a year is written as one.
    static func simplified(_ period: Period) -> Period {
        guard case .range(let from, let to) = period else { return period }
        for candidate in [Period.halfYear(year: from.year, half: 1), .halfYear(year: from.year, half: 2), .year(from.year)]
        where candidate.start == from && candidate.end == to {
            return candidate
        }
        return period
    }

    private static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// 1 to 12 for an English month's name or its first three letters (`Sept` too).
    private static func month(_ word: String) -> Int? {
        let word = word.hasSuffix(".") ? String(word.dropLast()) : word
        if let index = months.firstIndex(of: word) { return index + 1 }
        guard word.count >= 3, let index = months.firstIndex(where: { $0.hasPrefix(word) }) else { return nil }
        return index + 1
    }

    private static func year(_ text: String) -> Int? {
        guard text.count == 4, text.allSatisfy(\.isASCII), let year = Int(text), year >= 1900 else { return nil }
        return year
    }
}
