import Foundation
import TransparencyModel

/// What the loaders of one run share: the diagnostics, the id registry, file access.
package final class LoadContext: @unchecked Sendable {
    let root: String
    let files: any DatasetFiles
    let log = DiagnosticLog()
    var registry: IdentifierRegistry

    /// A context for a whole dataset (`recording: false`: its registry's record is never used),
    /// or for a file or files read on their own, whose record is joined to the dataset's.
    init(root: String, files: any DatasetFiles, recording: Bool = true) {
        self.root = root
        self.files = files
        registry = IdentifierRegistry(recording: recording)
    }

    /// Reads each of `paths` on its own, on all cores: `read` gets a context of the file's own
    /// and returns the file's values. The files' diagnostics and ids join this context's in the
    /// order of `paths`, so the result is the same on any number of cores.
    func readEach<Value>(_ paths: [String], _ read: @Sendable (String, LoadContext) -> [Value]) -> [Value] {
        let results = parallelMap(paths) { path -> (values: [Value], file: LoadContext) in
            let file = LoadContext(root: root, files: files)
            return (read(path, file), file)
        }
        for result in results { join(result.file) }
        return results.flatMap(\.values)
    }

    /// Joins what another context logged and defined to this one.
    private func join(_ other: LoadContext) {
        log.append(other.log.diagnostics)
        registry.join(other.registry.record, log: log)
    }

    /// `root/relative`, as shown in diagnostics.
    func path(_ relative: String) -> String { root.hasSuffix("/") ? root + relative : root + "/" + relative }

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
