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

    /// Read straight into an array: the large request files are not copied on the way.
    public func bytes(of path: String) -> [UInt8]? {
        let file = open(path, O_RDONLY)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0 else { return nil }
        // Read into memory not zeroed first: the zeroing touched every page before the read did.
        var filled = 0, complete = true
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, initialized in
            if let base = buffer.baseAddress {
                while filled < buffer.count {
                    let count = read(file, base + filled, buffer.count - filled)
                    if count < 0, errno == EINTR { continue }
                    guard count > 0 else { complete = false; break }
                    filled += count
                }
            }
            initialized = filled
        }
        // A file that shrank while read: what was read; one that grew: read the rest the slow way.
        guard complete else { return filled == 0 && info.st_size > 0 ? nil : bytes }
        // Most files didn't grow: one byte asked for first, no buffer for the rest.
        var probe: UInt8 = 0
        guard read(file, &probe, 1) == 1 else { return bytes }
        bytes.append(probe)
        var rest = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = rest.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += rest[..<count]
        }
        return bytes
    }

    public func entries(of folder: String) -> [String]? { try? FileManager.default.contentsOfDirectory(atPath: folder) }

    /// With the kind of each entry as the folder gives it: no `stat` per entry, unless the
    /// file system doesn't say (or the entry is a link, followed as the other readers do).
    public func listing(of folder: String) -> FolderListing? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var listing = FolderListing()
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix("."), !name.isEmpty else { continue }
            let kind = entry.pointee.d_type
            let isFolder: Bool
            if kind == UInt8(DT_DIR) {
                isFolder = true
            } else if kind == UInt8(DT_REG) {
                isFolder = false
            } else {
                var info = stat()
                isFolder = fstatat(dirfd(directory), name, &info, 0) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder { listing.folders.append(name) } else { listing.files.append(name) }
        }
        return listing
    }

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
