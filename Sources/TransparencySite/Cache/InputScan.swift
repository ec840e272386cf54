import Foundation

/// What `stat` says of an input file: enough to tell that it changed without reading it.
struct FileStamp: Hashable, Sendable {
    var inode: UInt64
    var size: Int64
    /// Nanoseconds since 1970.
    var modified: Int64

    /// A stamp that matches no file: for files changed too close to a build to be trusted
    /// (a second change within the file system's clock tick would keep the same stamp).
    static let unknown = FileStamp(inode: 0, size: -1, modified: 0)
}

/// Every file of a dataset folder (hidden ones left out) with its stamp, by path as the loader
/// builds paths (`<root>/<relative>`).
enum InputScan {
    static func scan(root: String) -> [String: FileStamp] {
        var found: [(String, FileStamp)] = []
        // The two top levels here; the folders below them (a company's documents, say) are
        // walked on all cores. Stamps are gathered in arrays and hashed once, at the end.
        var folders: [String] = [], deeper: [String] = []
        list(root.hasSuffix("/") ? String(root.dropLast()) : root, into: &found, folders: &folders)
        for folder in folders { list(folder, into: &found, folders: &deeper) }
        let parts = parallelMap(deeper) { folder -> [(String, FileStamp)] in
            var found: [(String, FileStamp)] = []
            walk(folder, into: &found)
            return found
        }
        var stamps = [String: FileStamp](minimumCapacity: found.count + parts.reduce(0) { $0 + $1.count })
        for (path, stamp) in found { stamps[path] = stamp }
        for part in parts {
            for (path, stamp) in part { stamps[path] = stamp }
        }
        return stamps
    }

    /// Stamps the files of `folder` and of every folder below it.
    private static func walk(_ folder: String, into found: inout [(String, FileStamp)]) {
        var folders: [String] = []
        list(folder, into: &found, folders: &folders)
        for folder in folders { walk(folder, into: &found) }
    }

    /// Stamps the files of `folder` and lists its folders.
    private static func list(_ folder: String, into found: inout [(String, FileStamp)], folders: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = FileSystem.entryName(entry)
            guard !name.hasPrefix(".") else { continue }
            let path = folder + "/" + name
            var info = stat()
            // Relative to the open folder: the kernel doesn't walk the whole path again.
            guard fstatat(dirfd(directory), &entry.pointee.d_name, &info, 0) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                folders.append(path)
            } else {
                found.append((path, FileStamp(
                    inode: UInt64(info.st_ino), size: Int64(info.st_size),
                    modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))))
            }
        }
    }

    /// Nanoseconds since 1970 now, on the clock file systems stamp files with.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
