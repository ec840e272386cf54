/// A number as a company published it: exact, a range, or not reported (which is not zero).
public enum Count: Hashable, Sendable, CustomStringConvertible {
    /// `7458`.
    case exact(Int)
    /// `0–499`, both bounds included; `<10` is `1–9`.
    case range(minimum: Int, maximum: Int)
    /// `-` or blank in the source: unknown, never zero.
    case notReported

    /// The smallest value the published figure allows, or nil when not reported.
    public var minimum: Int? {
        switch self {
        case .exact(let value): value
        case .range(let minimum, _): minimum
        case .notReported: nil
        }
    }

    /// The largest value the published figure allows, or nil when not reported.
    public var maximum: Int? {
        switch self {
        case .exact(let value): value
        case .range(_, let maximum): maximum
        case .notReported: nil
        }
    }

    /// The sum of two counts: exact plus exact is exact, anything with a range is a range, and
    /// anything with an unreported part is not reported.
    public static func + (lhs: Count, rhs: Count) -> Count {
        switch (lhs, rhs) {
        case (.notReported, _), (_, .notReported): .notReported
        case (.exact(let a), .exact(let b)): .exact(a + b)
        default:
            .range(
                minimum: (lhs.minimum ?? 0) + (rhs.minimum ?? 0),
                maximum: (lhs.maximum ?? 0) + (rhs.maximum ?? 0))
        }
    }

    /// The dataset form: `7458`, `0-499`, `-`.
    public var description: String {
        switch self {
        case .exact(let value): String(value)
        case .range(let minimum, let maximum): "\(minimum)-\(maximum)"
        case .notReported: "-"
        }
    }

    /// The report form: `7,458`, `0–499`, `not reported`.
    public var label: String {
        switch self {
        case .exact(let value): Self.grouped(value)
        case .range(let minimum, let maximum): "\(Self.grouped(minimum))–\(Self.grouped(maximum))"
        case .notReported: "not reported"
        }
    }

    /// `1234567` as `1,234,567`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }
}
