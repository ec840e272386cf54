/// Whether a build defines what the build before it did, so that the references it didn't read
/// again (all found in that build) need no checking.
extension LoadRecords {
    /// Whether these records define what `previous` defined, for every file read again (every
    /// file not in `reused`, and the shared files when they were read) or gone: the same kinds
    /// and ids, file by file. A new file only adds definitions, which can't make a reference
    /// unknown (a duplicate is reported as it is defined).
    func definesTheSame(as previous: LoadRecords, readingAgainAllBut reused: LoadRecords) -> Bool {
        func same(_ now: [String: FileRecord], _ before: [String: FileRecord], _ kept: [String: FileRecord]) -> Bool {
            before.allSatisfy { path, record in kept[path] != nil || Self.definitions(record) == Self.definitions(now[path]) }
        }
        guard same(statementFiles, previous.statementFiles, reused.statementFiles),
              same(documentFolders, previous.documentFolders, reused.documentFolders),
              same(companyFiles, previous.companyFiles, reused.companyFiles) else { return false }
        guard reused.shared == nil else { return true }
        guard let before = previous.shared else { return false }
        return Self.definitions(shared?.record) == Self.definitions(before.record)
    }

    /// What a record defines, by kind and id.
    private static func definitions(_ record: FileRecord?) -> Set<[String]> {
        Set(record?.registry.definitions.map { [$0.kind, $0.id] } ?? [])
    }
}
