/// What a template is rendered with: text, flags, lists and objects, as plain values. Lookups
/// and sections switch over the case; nothing is cast at render time.
public enum TemplateValue: Sendable, Equatable {
    /// Interpolated (escaped by the template's content type unless in a triple mustache); a
    /// section over text renders once, even over empty text.
    case text(String)
    /// `true` renders a section once, `false` skips it; interpolated as `true` / `false`.
    case bool(Bool)
    /// A section renders once per element; an empty list skips it.
    case list([TemplateValue])
    /// Names are looked up in objects, from the innermost section outwards.
    case object([String: TemplateValue])
    /// Missing: renders nothing, skips sections.
    case null

    /// A number, as decimal text.
    public static func number(_ value: Int) -> TemplateValue { .text(String(value)) }

    /// A list of texts.
    public static func texts(_ values: [String]) -> TemplateValue { .list(values.map(TemplateValue.text)) }

    /// A list of numbers.
    public static func numbers(_ values: [Int]) -> TemplateValue { .list(values.map(TemplateValue.number)) }

    /// Whether a section over this value is skipped (and an inverted section rendered).
    public var isFalsy: Bool {
        switch self {
        case .bool(let value): !value
        case .list(let values): values.isEmpty
        case .null: true
        case .text, .object: false
        }
    }

    /// The value of `key` when this is an object.
    @inlinable public subscript(key: String) -> TemplateValue? {
        guard case .object(let values) = self else { return nil }
        return values[key]
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByIntegerLiteral
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

extension TemplateValue: ExpressibleByStringInterpolation {
    public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }
}
