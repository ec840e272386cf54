import TransparencyModel
import Yams

/// Reads the fields of one YAML mapping, logging each problem where it is: a missing field, a
/// field of the wrong kind, an unknown field (with the nearest known name), a malformed value.
package struct FieldReader {
    package let mapping: YAMLValue
    package let what: String
    package let log: DiagnosticLog
    private let fields: [String: YAMLValue]

    /// Nil, with an error logged, when `value` is not a mapping.
    package init?(_ value: YAMLValue, what: String, allowed: [String], log: DiagnosticLog) {
        guard case .mapping(let pairs) = value.node else {
            log.error(value.location, "expected \(what) as a mapping of fields, found \(value.kindName)")
            return nil
        }
        var fields: [String: YAMLValue] = [:]
        for (key, node) in pairs {
            let keyValue = YAMLValue(node: key, path: value.path)
            guard let name = keyValue.text else {
                log.error(keyValue.location, "expected a field name, found \(keyValue.kindName)")
                continue
            }
            guard allowed.contains(name) else {
                log.error(keyValue.location, "unknown field '\(name)' in \(what)\(Suggestion.hint(for: name, in: allowed))")
                continue
            }
            fields[name] = YAMLValue(node: node, path: value.path)
        }
        self.mapping = value
        self.what = what
        self.log = log
        self.fields = fields
    }

    /// The raw value of a field, nil when absent or empty.
    package func value(_ key: String) -> YAMLValue? {
        guard let value = fields[key], !value.isNull else { return nil }
        return value
    }

    /// The location of a field's value, or of the mapping when the field is absent.
    package func location(_ key: String) -> SourceLocation { fields[key]?.location ?? mapping.location }

    /// A text field; logs when it is missing (if required) or not text.
    package func text(_ key: String, required: Bool = true) -> String? {
        guard let value = value(key) else {
            if required { log.error(mapping.location, "\(what) has no '\(key)'") }
            return nil
        }
        guard let text = value.text else {
            log.error(value.location, "'\(key)' must be text, found \(value.kindName)")
            return nil
        }
        return text
    }

    /// A field whose text is one of a vocabulary's words; an unknown word is logged with the
    /// nearest known one and the whole vocabulary, as "unknown `what` '…'".
    package func word<Word: RawRepresentable & CaseIterable>(_ key: String, _ what: String, required: Bool = true) -> Word?
    where Word.RawValue == String {
        guard let text = text(key, required: required) else { return nil }
        if let word = Word(rawValue: text) { return word }
        let names = Word.allCases.map(\.rawValue)
        log.error(location(key), "unknown \(what) '\(text)'\(Suggestion.hint(for: text, in: names)); use one of \(names.joined(separator: ", "))")
        return nil
    }

    /// A slug field (`[a-z0-9-]+`).
    package func slug<Entity>(_ key: String, required: Bool = true) -> Identifier<Entity>? {
        guard let text = text(key, required: required) else { return nil }
        return Self.slug(text, at: location(key), log: log)
    }

    /// A date field: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` where the source is that vague.
    package func date(_ key: String, required: Bool = true) -> DataDate? {
        guard let text = text(key, required: required) else { return nil }
        return Self.date(text, at: location(key), log: log)
    }

    /// A link field: http, https, mailto or relative.
    package func link(_ key: String, required: Bool = true) -> String? {
        guard let text = text(key, required: required) else { return nil }
        if let problem = LinkCheck.problem(with: text) {
            log.error(location(key), problem)
            return nil
        }
        return text
    }

    /// A list field's items; a single value counts as a list of one.
    package func list(_ key: String) -> [YAMLValue] {
        guard let value = value(key) else { return [] }
        return value.items ?? [value]
    }

    /// A list of text values with their locations.
    package func texts(_ key: String) -> [(text: String, location: SourceLocation)] {
        list(key).compactMap { item in
            guard let text = item.text else {
                log.error(item.location, "items of '\(key)' must be text, found \(item.kindName)")
                return nil
            }
            return (text, item.location)
        }
    }

    /// A list of slugs with their locations.
    package func slugs<Entity>(_ key: String) -> [(id: Identifier<Entity>, location: SourceLocation)] {
        texts(key).compactMap { item in
            Self.slug(item.text, at: item.location, log: log).map { (id: $0, location: item.location) }
        }
    }

    package static func slug<Entity>(_ text: String, at location: SourceLocation, log: DiagnosticLog) -> Identifier<Entity>? {
        guard Identifier<Entity>.isValidSlug(text) else {
            log.error(location, "'\(text)' is not a valid id: use only a-z, 0-9 and -")
            return nil
        }
        return Identifier(text)
    }

    package static func date(_ text: String, at location: SourceLocation, log: DiagnosticLog) -> DataDate? {
        guard let date = DataDate(parsing: text) else {
            log.error(location, "malformed date '\(text)': expected YYYY-MM-DD (or YYYY-MM, YYYY) of a real day")
            return nil
        }
        return date
    }
}
