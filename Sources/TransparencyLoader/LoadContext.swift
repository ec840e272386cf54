import Foundation
import TransparencyModel

/// What the loaders of one run share: the diagnostics, the id registry, file access.
package final class LoadContext: @unchecked Sendable {
    let root: String
    let files: any DatasetFiles
    let log = DiagnosticLog()
    var registry: IdentifierRegistry
    /// With `deferringReusedReferences`, what the records of files not read again referred to
    /// is not replayed but kept here: in the build they come from, every one of those references
    /// was found, so they need checking only if what is defined changed.
    var deferringReusedReferences = false
    private(set) var deferredReferences: [RegistryRecord] = []

    /// A context for a whole dataset (`recording: false`: its registry's record is never used),
    /// or for a file or files read on their own, whose record is replayed into the dataset's.
    init(root: String, files: any DatasetFiles, recording: Bool = true) {
        self.root = root
        self.files = files
        registry = IdentifierRegistry(recording: recording)
    }

    /// Reads each of `paths` on its own, on all cores: `read` gets a context of the file's own
    /// and returns the file's values and the company it belongs to. The files' diagnostics and
    /// ids join this context's in the order of `paths`, so the result is the same on any number
    /// of cores. A path in `reuse` is not read: its record stands for it, and it gives no values,
    /// or, with `keeping`, the values its record keeps.
    func readEach<Value>(
        _ paths: [String], reuse: [String: FileRecord] = [:], keeping: ValueKeeping<Value>? = nil,
        _ read: @Sendable (String, LoadContext) -> (values: [Value], owner: CompanyID?)
    ) -> (values: [Value], records: [String: FileRecord]) {
        let results = parallelMap(paths) { path -> (values: [Value], record: FileRecord) in
            if let kept = reuse[path] { return (keeping.map { $0.restore(kept) } ?? [], kept) }
            let file = LoadContext(root: root, files: files)
            let (values, owner) = read(path, file)
            var record = FileRecord(owner: owner, diagnostics: file.log.diagnostics, registry: file.registry.record)
            keeping?.store(values, &record)
            return (values, record)
        }
        var records: [String: FileRecord] = [:]
        for (path, result) in zip(paths, results) {
            replay(result.record, reused: reuse[path] != nil)
            records[path] = result.record
        }
        return (results.flatMap(\.values), records)
    }

    /// Runs `apart` on a context of its own while `here` runs on this one (on another core),
    /// then joins what `apart` logged and defined to this context: as if `apart` had run first.
    /// For the dataset's single files (sources, claims, evidence), read while the company files are.
    /// Also returns what `apart` logged and defined, to be replayed by `replay` in a later run.
    func alongside<Apart, Here>(
        _ apart: @Sendable (LoadContext) -> Apart, _ here: @Sendable (LoadContext) -> Here
    ) -> (Apart, Here, FileRecord) {
        let own = LoadContext(root: root, files: files)
        let (apartValue, hereValue) = parallelPair({ apart(own) }, { here(self) })
        let record = FileRecord(owner: nil, diagnostics: own.log.diagnostics, registry: own.registry.record)
        replay(record)
        return (apartValue, hereValue, record)
    }

    /// Joins what another context logged and defined to this one (a file's record, or `alongside`'s).
    /// The references of a `reused` record are deferred when `deferringReusedReferences`.
    func replay(_ record: FileRecord, reused: Bool = false) {
        log.append(record.diagnostics)
        let deferring = reused && deferringReusedReferences
        registry.replay(record.registry, log: log, references: !deferring)
        if deferring { deferredReferences.append(record.registry) }
    }

    /// Replays the deferred references, to be checked with the others.
    func replayDeferredReferences() {
        for record in deferredReferences { registry.replayReferences(record) }
        deferredReferences = []
    }

    /// `root/relative`, as shown in diagnostics.
    func path(_ relative: String) -> String { Self.path(relative, under: root) }

    /// `root/relative`: how every path of a dataset is built (and so found again by it).
    static func path(_ relative: String, under root: String) -> String {
        root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    /// The file's text, or nil (logged) when it can't be read as UTF-8.
    func readText(_ path: String) -> String? { Self.readText(path, from: files, log: log) }

    /// A file's text, or nil (logged) when it can't be read as UTF-8.
    package static func readText(_ path: String, from files: any DatasetFiles, log: DiagnosticLog) -> String? {
        guard let data = files.contents(of: path) else {
            log.error(SourceLocation(path: path), "cannot read the file")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.error(SourceLocation(path: path), "the file is not valid UTF-8")
            return nil
        }
        return text
    }

    /// Parses a YAML file; nil (logged) on read or syntax errors.
    func yaml(_ path: String) -> YAMLValue? {
        readText(path).flatMap { YAMLValue.parse($0, path: path, log: log) }
    }

    /// The items of a file that holds one list (`sources.yaml`, `claims.yaml`). When the file
    /// can't be read, references to `kind` are left unchecked rather than all reported unknown.
    func listFile(_ relative: String, of kind: String) -> [YAMLValue] {
        guard let root = yaml(path(relative)) else {
            registry.markIncomplete(kind)
            return []
        }
        guard let items = root.items else {
            log.error(root.location, "expected a list of \(kind)s, found \(root.kindName)")
            return []
        }
        return items
    }

    /// Names in a folder (sorted, hidden ones left out) with the given extension; empty when the
    /// folder is absent.
    func files(in relativeFolder: String, withExtension ext: String) -> [String] {
        let suffix = "." + ext
        return (files.listing(of: path(relativeFolder))?.files ?? []).filter { $0.hasSuffix(suffix) }.sorted()
    }

    /// Sub-folders of a folder, sorted; empty when absent.
    func folders(in relativeFolder: String) -> [String] {
        (files.listing(of: path(relativeFolder))?.folders ?? []).sorted()
    }

    /// The `sources` field of an item that must cite at least one source.
    func citedSources(_ reader: FieldReader, key: String = "sources") -> [SourceID] {
        let sources: [(id: SourceID, location: SourceLocation)] = reader.slugs(key)
        if sources.isEmpty, reader.value(key) == nil {
            log.error(reader.mapping.location, "\(reader.what) has no source: add '\(key):' with at least one source id")
        }
        for source in sources { registry.refer(to: "source", source.id.rawValue, at: source.location) }
        return sources.map(\.id)
    }

    /// Refers to ids of `kind` listed in `key` and returns them.
    func references<Entity>(_ reader: FieldReader, _ key: String, kind: String) -> [Identifier<Entity>] {
        let items: [(id: Identifier<Entity>, location: SourceLocation)] = reader.slugs(key)
        for item in items { registry.refer(to: kind, item.id.rawValue, at: item.location) }
        return items.map(\.id)
    }

    /// Refers to one id of `kind` held in `key`.
    func reference<Entity>(_ reader: FieldReader, _ key: String, kind: String, required: Bool = true) -> Identifier<Entity>? {
        guard let id: Identifier<Entity> = reader.slug(key, required: required) else { return nil }
        registry.refer(to: kind, id.rawValue, at: reader.location(key))
        return id
    }
}

/// What reading one file (or one document folder) gave, besides its values: the company it
/// belongs to, its diagnostics and the ids it defines and refers to.
public struct FileRecord: Sendable, Equatable {
    public var owner: CompanyID?
    public var diagnostics: [Diagnostic]
    public var registry: RegistryRecord
    /// What a company file gave: a build that doesn't read the file again still needs it.
    public var company: Company?

    public init(owner: CompanyID?, diagnostics: [Diagnostic], registry: RegistryRecord, company: Company? = nil) {
        self.owner = owner
        self.diagnostics = diagnostics
        self.registry = registry
        self.company = company
    }
}

/// How `LoadContext.readEach` keeps a file's values in its record, for files whose values are
/// needed even when they are not read again (company files).
struct ValueKeeping<Value>: Sendable {
    let store: @Sendable ([Value], inout FileRecord) -> Void
    let restore: @Sendable (FileRecord) -> [Value]
}
