/// Reads numbers the way companies publish them: `7458`, `13,255`, `0 - 249`, `6–499`, `<10`,
/// `-` or blank for not reported, `84%`.
public enum PublishedValueParser {
    /// Why a value could not be read.
    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case malformed(String)
        case malformedPercentage(String)
        case minimumExceedsMaximum(String)
        case percentageWhereCountExpected(String)
        case countWherePercentageExpected(String)

        public var description: String {
            switch self {
            case .malformed(let text):
                "malformed count '\(text)': expected a number (7458 or 7,458), a range (0-499), <N, or - for not reported"
            case .malformedPercentage(let text):
                "malformed percentage '\(text)': expected a number from 0% to 100%, or - for not reported"
            case .minimumExceedsMaximum(let text):
                "malformed count '\(text)': the range's minimum exceeds its maximum"
            case .percentageWhereCountExpected(let text):
                "'\(text)' is a percentage, but this measure is a count"
            case .countWherePercentageExpected(let text):
                "'\(text)' is not a percentage such as 84%, but this measure is a percentage"
            }
        }
    }

    /// A count: exact, range or not reported.
    public static func count(_ raw: String) -> Result<Count, Problem> {
        // Fast path: plain digits, the most common published value.
        if let value = plainDigits(raw) { return .success(.exact(value)) }
        let text = raw.trimmingSpaces
        if text.isEmpty || text == "-" || text == "–" { return .success(.notReported) }
        if text.hasSuffix("%") { return .failure(.percentageWhereCountExpected(raw)) }
        if text.hasPrefix("<") {
            guard let bound = integer(String(text.dropFirst()).trimmingSpaces), bound >= 2 else {
                return .failure(.malformed(raw))
            }
            return .success(.range(minimum: 1, maximum: bound - 1))
        }
        if let exact = integer(text) { return .success(.exact(exact)) }
        for separator: Character in ["-", "–"] {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { continue }
            guard let minimum = integer(parts[0].trimmingSpaces), let maximum = integer(parts[1].trimmingSpaces) else {
                return .failure(.malformed(raw))
            }
            guard minimum <= maximum else { return .failure(.minimumExceedsMaximum(raw)) }
            return .success(minimum == maximum ? .exact(minimum) : .range(minimum: minimum, maximum: maximum))
        }
        return .failure(.malformed(raw))
    }

    /// A percentage as published (`84%`, `84.5%`), or nil for not reported.
    public static func percentage(_ raw: String) -> Result<Double?, Problem> {
        if raw.utf8.last == UInt8(ascii: "%"), let whole = plainDigits(String(raw.utf8.dropLast()) ?? ""), whole <= 100 {
            return .success(Double(whole))
        }
        let text = raw.trimmingSpaces
        if text.isEmpty || text == "-" || text == "–" { return .success(nil) }
        guard text.hasSuffix("%") else { return .failure(.countWherePercentageExpected(raw)) }
        let number = text.dropLast()
        guard !number.isEmpty, number.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 }),
              let value = Double(number), (0...100).contains(value) else {
            return .failure(.malformedPercentage(raw))
        }
        return .success(value)
    }

    /// A value for `measure`: a percentage for percentage measures, a count otherwise.
    public static func value(_ raw: String, for measure: Measure) -> Result<FigureValue, Problem> {
        measure.isPercentage ? percentage(raw).map(FigureValue.percentage) : count(raw).map(FigureValue.count)
    }

    /// The value of a string of 1 to 18 ASCII digits, without allocating.
    static func plainDigits(_ text: String) -> Int? {
        var value = 0, count = 0
        for byte in text.utf8 {
            guard byte >= 48, byte <= 57, count < 18 else { return nil }
            value = value * 10 + Int(byte - 48)
            count += 1
        }
        return count > 0 ? value : nil
    }

    /// Digits, optionally grouped by commas in threes: `7458`, `7,458`; not `12,5x` or `1,23`.
    static func integer(_ text: String) -> Int? {
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, !first.isEmpty, first.utf8.allSatisfy(isDigit) else { return nil }
        if groups.count > 1 {
            guard first.utf8.count <= 3,
                  groups.dropFirst().allSatisfy({ $0.utf8.count == 3 && $0.utf8.allSatisfy(isDigit) }) else {
                return nil
            }
        }
        return Int(groups.joined())
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    public var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[start...end])
    }
}
