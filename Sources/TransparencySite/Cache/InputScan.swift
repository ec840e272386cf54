import Foundation
import TransparencyModel

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

/// Stamps every file of a dataset folder (hidden ones left out) into an `InputList`.
///
/// The order depends only on the names, not on the order the file system lists them in: each
/// folder's entries are sorted by their bytes. The first two levels come first, folder by
/// folder; then each folder below them (a company's documents, say), whole, in the order they
/// were found. A file replaced by a new one (an editor's atomic save) keeps its place, so the
/// next build compares the two lists entry by entry.
enum InputScan {
    static func scan(root: String) -> InputList {
        var found = InputList()
        // The two top levels here; the folders below them are walked on all cores.
        var folders: [String] = [], deeper: [String] = []
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        list(base, relative: "", into: &found, folders: &folders)
        for folder in folders { list(base + "/" + folder, relative: folder + "/", into: &found, folders: &deeper) }
        let parts = parallelMap(deeper) { folder -> InputList in
            var found = InputList()
            walk(base, folder, into: &found)
            return found
        }
        for part in parts { found.append(part) }
        return found
    }

    /// Stamps the files of `folder` (relative to `base`) and of every folder below it.
    private static func walk(_ base: String, _ folder: String, into found: inout InputList) {
        var folders: [String] = []
        list(base + "/" + folder, relative: folder + "/", into: &found, folders: &folders)
        for folder in folders { walk(base, folder, into: &found) }
    }

    /// Stamps the files of `folder`, in the order of their names, and lists its folders
    /// (relative paths, `relative` being the folder's own with a slash).
    private static func list(_ folder: String, relative: String, into found: inout InputList, folders: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        var names: [UInt8] = [], ranges: [Range<Int>] = []
        while let entry = readdir(directory) {
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let length = raw.firstIndex(of: 0) ?? raw.count
                guard length > 0, raw[0] != UInt8(ascii: ".") else { return }
                ranges.append(names.count..<names.count + length)
                names.append(contentsOf: raw[..<length])
                names.append(0)
            }
        }
        names.withUnsafeBufferPointer { names in
            guard let start = names.baseAddress else { return }
            ranges.sort { a, b in
                let order = memcmp(start + a.lowerBound, start + b.lowerBound, min(a.count, b.count))
                return order != 0 ? order < 0 : a.count < b.count
            }
            for range in ranges {
                var info = stat()
                // Relative to the open folder: the kernel doesn't walk the whole path again.
                let stamped = (start + range.lowerBound).withMemoryRebound(to: CChar.self, capacity: range.count + 1) {
                    fstatat(dirfd(directory), $0, &info, 0) == 0
                }
                guard stamped else { continue }
                let entry = UnsafeBufferPointer(rebasing: names[range])
                if info.st_mode & S_IFMT == S_IFDIR {
                    folders.append(relative + String(decoding: entry, as: UTF8.self))
                } else {
                    found.append(relative: relative, name: entry, stamp: FileStamp(
                        inode: UInt64(info.st_ino), size: Int64(info.st_size),
                        modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)))
                }
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
