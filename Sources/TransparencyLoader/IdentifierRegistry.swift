import TransparencyModel

/// The ids a dataset defines and the ids it refers to, by kind ("source", "company", …).
///
/// Definitions are checked for duplicates as they come; references are checked at the end, once
/// every file is read, so a file may refer to ids defined in files read after it.
struct IdentifierRegistry {
    private var definitions: [String: [String: SourceLocation]] = [:]
    private var references: [(kind: String, id: String, location: SourceLocation)] = []
    /// Kinds some of whose definitions could not be read: references to them aren't checked,
    /// so one syntax error doesn't bring a cascade of unknown ids.
    private var incompleteKinds: Set<String> = []

    /// Records that a file defining ids of `kinds` could not be read.
    mutating func markIncomplete(_ kinds: String...) {
        incompleteKinds.formUnion(kinds)
    }

    /// Records a definition; logs and returns false when the id is already defined.
    @discardableResult
    mutating func define(_ kind: String, _ id: String, at location: SourceLocation, log: DiagnosticLog) -> Bool {
        if let first = definitions[kind]?[id] {
            log.error(location, "duplicate \(kind) id '\(id)', first defined at \(first)")
            return false
        }
        definitions[kind, default: [:]][id] = location
        return true
    }

    /// Records a reference to be checked by `checkReferences`.
    mutating func refer(to kind: String, _ id: String, at location: SourceLocation) {
        references.append((kind, id, location))
    }

    /// Whether `id` is defined as `kind`.
    func isDefined(_ kind: String, _ id: String) -> Bool {
        definitions[kind]?[id] != nil
    }

    /// Logs every reference to an id that no file defines, with the nearest defined id.
    func checkReferences(log: DiagnosticLog) {
        for reference in references where !isDefined(reference.kind, reference.id) && !incompleteKinds.contains(reference.kind) {
            let known = definitions[reference.kind].map { Array($0.keys) } ?? []
            log.error(
                reference.location,
                "unknown \(reference.kind) '\(reference.id)'\(Suggestion.hint(for: reference.id, in: known))")
        }
    }
}
