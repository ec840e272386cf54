/// A published measure: a count of requests or accounts, or a percentage kept as published.
public enum FigureValue: Hashable, Sendable, CustomStringConvertible {
    case count(Count)
    /// A percentage as published (`84%` is 84); nil when not reported.
    case percentage(Double?)

    /// The dataset form: `7458`, `0-499`, `84%`, `-`.
    public var description: String {
        switch self {
        case .count(let count): count.description
        case .percentage(let value?): Self.number(value) + "%"
        case .percentage(nil): "-"
        }
    }

    /// The report form: `7,458`, `0–499`, `84%`, `not reported`.
    public var label: String {
        switch self {
        case .count(let count): count.label
        case .percentage(let value?): Self.number(value) + "%"
        case .percentage(nil): "not reported"
        }
    }

    /// `84`, `84.5`: a whole number without its decimal point.
    public static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
