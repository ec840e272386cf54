import TransparencyModel

/// Dates as publishers write them: `2013-06-30`, `6/30/13`, `30/06/2013`.
enum DateText {
    static let formats = ["yyyy-mm-dd", "m/d/yy", "m/d/yyyy", "d/m/yy", "d/m/yyyy"]

    static func parse(_ text: String, format: String) -> DataDate? {
        if format == "yyyy-mm-dd" { return DataDate(parsing: text).flatMap { $0.day == nil ? nil : $0 } }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], var year = parts[2] else { return nil }
        if format.hasSuffix("/yy") {
            guard (0...99).contains(year) else { return nil }
            year += year < 70 ? 2000 : 1900
        }
        return format.hasPrefix("m/") ? DataDate(year: year, month: a, day: b) : DataDate(year: year, month: b, day: a)
    }
}
