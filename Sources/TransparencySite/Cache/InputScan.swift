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
        let top = open(base, O_RDONLY | O_DIRECTORY)
        guard top >= 0 else { return found }
        defer { close(top) }
        list(top, "", into: &found, folders: &folders)
        for folder in folders { list(top, folder, into: &found, folders: &deeper) }
        let parts = parallelMap(deeper) { folder -> InputList in
            var found = InputList()
            walk(top, folder, into: &found)
            return found
        }
        for part in parts { found.append(part) }
        return found
    }

    /// Stamps the files of `folder` (relative to the open folder `base`) and of every folder below it.
    private static func walk(_ base: Int32, _ folder: String, into found: inout InputList) {
        var folders: [String] = []
        list(base, folder, into: &found, folders: &folders)
        for folder in folders { walk(base, folder, into: &found) }
    }

    /// Stamps the files of `folder` (relative to the open folder `base`; empty for `base`
    /// itself), in the order of their names, and lists its folders, as relative paths.
    private static func list(_ base: Int32, _ folder: String, into found: inout InputList, folders: inout [String]) {
        let descriptor = folder.isEmpty ? dup(base) : openat(base, folder, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0, let directory = fdopendir(descriptor) else {
            if descriptor >= 0 { close(descriptor) }
            return
        }
        defer { closedir(directory) }
        let relative = folder.isEmpty ? "" : folder + "/"
        var names: [UInt8] = [], entries: [(range: Range<Int>, isFolder: Bool?)] = []
        while let entry = readdir(directory) {
            let kind = entry.pointee.d_type
            withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: 256) { name in
                    let length = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
                    guard length > 0, name[0] != UInt8(ascii: ".") else { return }
                    entries.append((names.count..<names.count + length,
                                    kind == UInt8(DT_DIR) ? true : kind == UInt8(DT_REG) ? false : nil))
                    names.append(contentsOf: UnsafeBufferPointer(start: name, count: length))
                    names.append(0)
                }
            }
        }
        let folderDescriptor = dirfd(directory)
        names.withUnsafeBufferPointer { names in
            guard let start = names.baseAddress else { return }
            entries.sort { a, b in
                let order = memcmp(start + a.range.lowerBound, start + b.range.lowerBound, min(a.range.count, b.range.count))
                return order != 0 ? order < 0 : a.range.count < b.range.count
            }
            for (range, isFolder) in entries {
                let name = UnsafeBufferPointer(rebasing: names[range])
                // A folder the listing names as one needs no stamp.
                if isFolder == true {
                    folders.append(relative + String(decoding: name, as: UTF8.self))
                    continue
                }
                var info = stat()
                // Relative to the open folder: the kernel doesn't walk the whole path again.
                let stamped = (start + range.lowerBound).withMemoryRebound(to: CChar.self, capacity: range.count + 1) {
                    fstatat(folderDescriptor, $0, &info, 0) == 0
                }
                guard stamped else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    folders.append(relative + String(decoding: name, as: UTF8.self))
                } else {
                    found.append(relative: relative, name: name, stamp: FileStamp(
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
