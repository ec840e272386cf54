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
}

extension DatasetFiles {
    public func bytes(of path: String) -> [UInt8]? { contents(of: path).map { [UInt8]($0) } }
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
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            while filled < buffer.count {
                let count = read(file, base + filled, buffer.count - filled)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                filled += count
            }
            return true
        }
        // A file that shrank while read: what was read; one that grew: read the rest the slow way.
        guard complete else { return filled == 0 && info.st_size > 0 ? nil : Array(bytes[..<filled]) }
        var rest = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = rest.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += rest[..<count]
        }
        return bytes
    }

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
