import TransparencyModel

/// The ids a dataset defines and the ids it refers to, by kind ("source", "company", …).
///
/// Definitions are checked for duplicates as they come; references are checked at the end, once
/// every file is read, so a file may refer to ids defined in files read after it.
struct IdentifierRegistry {
    private var definitions: [String: [String: SourceLocation]] = [:]
    private var references: [(kind: String, id: String, location: SourceLocation)] = []
    /// Every definition and reference made here, in order, to be joined to another registry
    /// (kept only when `recording`: the dataset's own registry is never joined to another).
    private(set) var record = RegistryRecord()
    private let recording: Bool

    init(recording: Bool = true) { self.recording = recording }
    /// Kinds some of whose definitions could not be read: references to them aren't checked,
    /// so one syntax error doesn't bring a cascade of unknown ids.
    private var incompleteKinds: Set<String> = []

    /// Records that a file defining ids of `kinds` could not be read.
    mutating func markIncomplete(_ kinds: String...) {
        incompleteKinds.formUnion(kinds)
        record.incompleteKinds.formUnion(kinds)
    }

    /// Records a definition; logs and returns false when the id is already defined.
    @discardableResult
    mutating func define(_ kind: String, _ id: String, at location: SourceLocation, log: DiagnosticLog) -> Bool {
        // One lookup of the kind and one of the id: the first definition is put back when there was one.
        let first = definitions[kind, default: [:]].updateValue(location, forKey: id)
        if let first {
            definitions[kind]?[id] = first
            log.error(location, "duplicate \(kind) id '\(id)', first defined at \(first)")
            return false
        }
        if recording { record.definitions.append(.init(kind: kind, id: id, location: location)) }
        return true
    }

    /// Records a reference to be checked by `checkReferences`.
    mutating func refer(to kind: String, _ id: String, at location: SourceLocation) {
        references.append((kind, id, location))
        if recording { record.references.append(.init(kind: kind, id: id, location: location)) }
    }

    /// Makes the definitions and references of another registry (a file read on its own) here,
    /// in their order: a definition already made here is logged as a duplicate.
    mutating func join(_ other: RegistryRecord, log: DiagnosticLog) {
        for definition in other.definitions { define(definition.kind, definition.id, at: definition.location, log: log) }
        for reference in other.references { refer(to: reference.kind, reference.id, at: reference.location) }
        incompleteKinds.formUnion(other.incompleteKinds)
        record.incompleteKinds.formUnion(other.incompleteKinds)
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

/// The ids a file read on its own defines and refers to, joined to the dataset's in file order.
struct RegistryRecord: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var kind: String
        var id: String
        var location: SourceLocation
    }

    var definitions: [Entry] = []
    var references: [Entry] = []
    var incompleteKinds: Set<String> = []
}
