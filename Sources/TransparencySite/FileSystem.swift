import Foundation

/// File-system operations of a publication, with system calls: FileManager is slower by far for
/// the thousands of files and folders of a large site.
enum FileSystem {
    /// `mkdir -p`, with system calls: the folder, or its parents first when they are missing.
    static func makeFolders(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex else {
            throw PublishError(path: path, reason: "cannot create the folder: \(String(cString: strerror(errno)))")
        }
        try makeFolders(String(path[..<slash]))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw PublishError(path: path, reason: "cannot create the folder: \(String(cString: strerror(errno)))")
        }
    }

    /// Removes a folder and everything in it, the folders two levels down (a site's company
    /// folders) on all cores.
    static func removeTreeInParallel(_ path: String) {
        let deeper = folders(in: path).flatMap(folders(in:))
        _ = parallelMap(deeper) { removeTree($0) }
        removeTree(path)
    }

    /// The folders directly in `path`.
    private static func folders(in path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = entryName(entry)
            if name != ".", name != "..", entry.pointee.d_type == UInt8(DT_DIR) { folders.append(path + "/" + name) }
        }
        return folders
    }

    /// Removes a folder and everything in it, with system calls (FileManager is slower by far);
    /// entries are removed by name relative to their open folder (no path walked again).
    static func removeTree(_ path: String) {
        guard let directory = opendir(path) else {
            unlink(path)
            return
        }
        let folder = dirfd(directory)
        while let entry = readdir(directory) {
            let isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            // Whether the entry is a folder to remove in turn (or a file that turned out to be one).
            let descend = withUnsafeBytes(of: entry.pointee.d_name) { raw -> Bool in
                let name = raw.bindMemory(to: CChar.self)
                guard let base = name.baseAddress else { return false }
                // `.` and `..`
                if name[0] == 0x2E, name[1] == 0 || (name[1] == 0x2E && name[2] == 0) { return false }
                if isFolder { return true }
                return unlinkat(folder, base, 0) != 0 && errno == EISDIR
            }
            if descend { removeTree(path + "/" + entryName(entry)) }
        }
        closedir(directory)
        rmdir(path)
    }

    /// Writes `bytes` to a new file, or at the end of one with `appending`, with system calls
    /// (no copy into `Data` on the way).
    static func write(_ bytes: UnsafeRawBufferPointer, to path: String, appending: Bool = false) throws(PublishError) {
        let file = appending ? open(path, O_WRONLY | O_APPEND) : open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard file >= 0 else { throw PublishError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
        defer { close(file) }
        var written = 0
        let failure: Int32? = { buffer in
            guard let base = buffer.baseAddress else { return nil }
            while written < buffer.count {
                let count = Glibc.write(file, base + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += count
            }
            return nil
        }(bytes)
        if let failure { throw PublishError(path: path, reason: "cannot write: \(String(cString: strerror(failure)))") }
    }

    /// Whether the file at `path` holds exactly `bytes` (its size is checked first).
    static func same(_ bytes: UnsafeRawBufferPointer, atPath path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytes.count,
              let data = FileManager.default.contents(atPath: path) else { return false }
        guard let fresh = bytes.baseAddress, !bytes.isEmpty else { return true }
        return data.withUnsafeBytes { stored in
            guard let stored = stored.baseAddress else { return false }
            return memcmp(stored, fresh, bytes.count) == 0
        }
    }

    /// The name of a folder entry read by `readdir`.
    static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
    }
}
