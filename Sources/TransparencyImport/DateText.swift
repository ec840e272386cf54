import TransparencyModel

/// Dates as publishers write them: `2013-06-30`, `6/30/13`, `30/06/2013`, `30.06.2013`.
///
/// A two-digit year is 2000–2069 from `00` to `69` and 1970–1999 from `70` to `99`. Day and
/// month may have one digit or two, whatever the format says (`m` and `mm` read alike).
enum DateText {
    static let formats = ["yyyy-mm-dd", "m/d/yy", "m/d/yyyy", "d/m/yy", "d/m/yyyy", "d.m.yy", "d.m.yyyy", "yyyy/m/d"]

    static func parse(_ text: String, format: String) -> DataDate? {
        guard let separator = format.first(where: { !$0.isLetter }) else { return nil }
        let parts = format.split(separator: separator)
        let values = text.trimmingSpaces.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, values.count == 3 else { return nil }
        var year: Int?, month: Int?, day: Int?
        for (part, value) in zip(parts, values) {
            guard !value.isEmpty, value.utf8.allSatisfy({ (48...57).contains($0) }), let number = Int(value) else { return nil }
            switch part.first {
            case "y" where part.count == 4:
                guard value.count == 4 else { return nil }
                year = number
            case "y":
                guard value.count == 2 else { return nil }
                year = number < 70 ? 2000 + number : 1900 + number
            case "m": month = value.count <= 2 ? number : nil
            default: day = value.count <= 2 ? number : nil
            }
        }
        guard let year, let month, let day else { return nil }
        return DataDate(year: year, month: month, day: day)
    }
}

extension DateText {
    /// 30 June 2013 written in `format`, for messages.
    static func example(_ format: String) -> String {
        guard let separator = format.first(where: { !$0.isLetter }) else { return format }
        return format.split(separator: separator).map { part in
            switch part.first {
            case "y": part.count == 4 ? "2013" : "13"
            case "m": part.count == 2 ? "06" : "6"
            default: "30"
            }
        }.joined(separator: String(separator))
    }
}
