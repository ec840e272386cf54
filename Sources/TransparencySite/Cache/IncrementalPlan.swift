import TransparencyLoader

/// Which companies a build must make again, from the stamps of the input files against the
/// cache's, and which company-owned files it need not read.
///
/// A file belongs to a company when its path says so (`companies/<id>.yaml`,
/// `requests/<id>.csv`, `documents/<id>/…`) or, for a statements file, when the company it
/// names did when it was last read. Every other file (`sources.yaml`, `claims.yaml`, evidence,
/// anything unknown) is shared: when one changes, or a company comes or goes, there is no plan
/// and the build is a full one.
struct IncrementalPlan {
    /// The companies whose files changed.
    var dirty: Set<CompanyID>
    /// The statement files and document folders of the other companies, and the unchanged
    /// company files (whose records keep their companies), not to be read again.
    var reuse: LoadRecords
    /// The companies whose own file (`companies/<id>.yaml`, with their name) changed.
    var renamable: Set<CompanyID> = []
    /// The companies of `dirty` of which only the request figures (`requests/<id>.csv`) changed.
    var figuresOnly: Set<CompanyID> = []

    private enum Owner {
        case shared
        case company(CompanyID)
        case statements
        case documents(folder: String, company: CompanyID)
    }

    init?(cache: BuildCache, inputs: InputList, root: String) {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        // `path` relative to the data folder.
        func owner(_ path: String) -> Owner {
            let parts = path.split(separator: "/").map(String.init)
            switch (parts.first, parts.count) {
            case ("companies", 2) where parts[1].hasSuffix(".yaml"): return .company(CompanyID(String(parts[1].dropLast(5))))
            case ("requests", 2) where parts[1].hasSuffix(".csv"): return .company(CompanyID(String(parts[1].dropLast(4))))
            case ("statements", 2): return .statements
            case ("documents", 3...): return .documents(folder: prefix + "documents/" + parts[1], company: CompanyID(parts[1]))
            default: return .shared
            }
        }
        // The same files as the earlier build's, in the same order: the stamps are compared one
        // by one. Otherwise, by path: the companies must be the same ones (a company's file is
        // `companies/<id>.yaml`), and a file that came or went counts as changed.
        let changedPaths: [String]
        var present: Set<String>?
        if let changed = inputs.changed(since: cache.inputs) {
            changedPaths = changed
        } else {
            let before = cache.inputs.byPath, after = inputs.byPath
            func companyFiles(_ stamps: [String: FileStamp]) -> Set<String> { Set(stamps.keys.filter { $0.hasPrefix("companies/") }) }
            guard companyFiles(before) == companyFiles(after) else { return nil }
            changedPaths = after.compactMap { before[$0.key] == $0.value ? nil : $0.key } + before.keys.filter { after[$0] == nil }
            present = Set(after.keys.map { prefix + $0 })
        }
        // A record of a file no longer there (when the lists differ) is not reused.
        func exists(_ path: String) -> Bool { present?.contains(path) ?? true }
        var dirty = Set<CompanyID>(), renamable = Set<CompanyID>(), besidesFigures = Set<CompanyID>()
        var changedStatements = Set<String>(), changedFolders = Set<String>(), changedCompanyFiles = Set<String>()
        for relative in changedPaths {
            let path = prefix + relative
            switch owner(relative) {
            case .shared: return nil
            case .company(let company):
                dirty.insert(company)
                if path.hasSuffix(".yaml") {
                    renamable.insert(company)
                    besidesFigures.insert(company)
                    changedCompanyFiles.insert(path)
                }
            case .statements:
                changedStatements.insert(path)
                if let owner = cache.records.statementFiles[path]?.owner {
                    dirty.insert(owner)
                    besidesFigures.insert(owner)
                }
            case .documents(let folder, let company):
                changedFolders.insert(folder)
                dirty.insert(company)
                besidesFigures.insert(company)
            }
        }
        func reusable(_ path: String, _ record: FileRecord, changed: Set<String>) -> Bool {
            guard !changed.contains(path), let owner = record.owner else { return false }
            return !dirty.contains(owner)
        }
        self.dirty = dirty
        self.renamable = renamable
        figuresOnly = dirty.subtracting(besidesFigures)
        reuse = LoadRecords(
            statementFiles: cache.records.statementFiles.filter { reusable($0.key, $0.value, changed: changedStatements) && exists($0.key) },
            documentFolders: cache.records.documentFolders.filter { reusable($0.key, $0.value, changed: changedFolders) },
            // A company file gives the same company while it is unchanged, whatever else changed.
            companyFiles: cache.records.companyFiles.filter {
                !changedCompanyFiles.contains($0.key) && $0.value.company != nil && exists($0.key)
            },
            // No shared file changed (a change to one leaves no plan).
            shared: cache.records.shared)
    }

    /// Whether what was read agrees with the plan: every statement file or document folder read
    /// again belongs to a company being made again. (A statements file moved to another company
    /// makes that company's other files needed: the build is then a full one.)
    func agrees(with records: LoadRecords) -> Bool {
        for (path, record) in records.statementFiles where reuse.statementFiles[path] == nil {
            guard let owner = record.owner, dirty.contains(owner) else { return false }
        }
        for (path, record) in records.documentFolders where reuse.documentFolders[path] == nil {
            guard let owner = record.owner, dirty.contains(owner) else { return false }
        }
        for (path, record) in records.companyFiles where reuse.companyFiles[path] == nil {
            guard let owner = record.owner, dirty.contains(owner) else { return false }
        }
        return true
    }
}
