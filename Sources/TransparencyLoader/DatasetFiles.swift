import Foundation

/// Where a dataset's files come from: a folder on disk, or files held in memory (for tests,
/// fuzzing and tools that produce datasets).
public protocol DatasetFiles: Sendable {
    /// The bytes of the file at `path` (as built by `LoadContext.path`), or nil when absent.
    func contents(of path: String) -> Data?
    /// Names of the entries of a folder, or nil when it is absent.
    func entries(of folder: String) -> [String]?
    /// Whether `path` is a folder.
    func isFolder(_ path: String) -> Bool
    /// The bytes of the file at `path` as an array, or nil when absent.
    func bytes(of path: String) -> [UInt8]?
    /// The files and the folders in a folder (hidden ones left out, in no particular order),
    /// or nil when it is absent.
    func listing(of folder: String) -> FolderListing?
}

/// What a folder holds: names of files and of folders.
public struct FolderListing: Sendable {
    public var files: [String] = []
    public var folders: [String] = []
}

extension DatasetFiles {
    public func bytes(of path: String) -> [UInt8]? { contents(of: path).map { [UInt8]($0) } }

    public func listing(of folder: String) -> FolderListing? {
        guard let names = entries(of: folder) else { return nil }
        var listing = FolderListing()
        for name in names where !name.hasPrefix(".") {
            if isFolder(folder + "/" + name) { listing.folders.append(name) } else { listing.files.append(name) }
        }
        return listing
    }
}

/// A dataset folder on disk.
public struct DiskFiles: DatasetFiles {
    public init() {}

    public func contents(of path: String) -> Data? { FileManager.default.contents(atPath: path) }

    public func entries(of folder: String) -> [String]? { try? FileManager.default.contentsOfDirectory(atPath: folder) }

    public func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }
}

/// A dataset held in memory: relative paths (`companies/acme.yaml`) to contents, under `root`.
public struct MemoryFiles: DatasetFiles {
    public let root: String
    private let files: [String: Data]

    public init(root: String = "memory", files: [String: String]) {
        self.root = root
        self.files = Dictionary(uniqueKeysWithValues: files.map { ("\(root)/\($0.key)", Data($0.value.utf8)) })
    }

    public func contents(of path: String) -> Data? { files[path] }

    public func entries(of folder: String) -> [String]? {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let names = Set(files.keys.filter { $0.hasPrefix(prefix) }.compactMap { path in
            path.dropFirst(prefix.count).split(separator: "/").first.map(String.init)
        })
        return names.isEmpty ? nil : Array(names)
    }

    public func isFolder(_ path: String) -> Bool {
        path == root || entries(of: path) != nil
    }
}
