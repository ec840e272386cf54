import CSystem
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calls to the operating system that the build makes itself: atomic exchange of two
/// folders, file stamps, and writing, listing and removing files with system calls (FileManager
/// is slower by far for the thousands of files of a large site). The one place with
/// platform-specific code.
public enum FileSystem {
    /// Swaps two paths in one atomic step; false where the file system can't (then nothing moved).
    public static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        return transparency_exchange_paths(first, second) == 0
        #elseif canImport(Darwin)
        return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }

    /// What says whether a file changed: its size, modification time and inode.
    public struct Stamp: Sendable, CustomStringConvertible {
        public var size: Int, modified: Double, nanoseconds: Int, inode: UInt64
        public var description: String { "\(size).\(Int(modified)).\(nanoseconds).\(inode)" }
    }

    /// A file's stamp; nil when it is absent.
    public static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return Stamp(size: Int(info.st_size), modified: Double(modified.tv_sec), nanoseconds: Int(modified.tv_nsec), inode: UInt64(info.st_ino))
    }

    /// The running executable's stamp: a build made by another tool doesn't trust its cache.
    public static var executableStamp: String {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        return stamp(path)?.description ?? "unknown"
    }

    /// `mkdir -p`: the folder, or its parents first when they are missing.
    public static func makeFolders(_ path: String) throws(PublishError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex else {
            throw PublishError(path: path, reason: "cannot create the folder: \(String(cString: strerror(errno)))")
        }
        try makeFolders(String(path[..<slash]))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw PublishError(path: path, reason: "cannot create the folder: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `bytes` to a new file.
    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws(PublishError) {
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard file >= 0 else { throw PublishError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
        defer { close(file) }
        var written = 0
        while written < bytes.count, let base = bytes.baseAddress {
            #if canImport(Darwin)
            let count = Darwin.write(file, base + written, bytes.count - written)
            #else
            let count = Glibc.write(file, base + written, bytes.count - written)
            #endif
            if count < 0 {
                if errno == EINTR { continue }
                throw PublishError(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
            }
            written += count
        }
    }

    /// Whether the file at `path` holds exactly `bytes` (its size is checked first).
    public static func same(_ bytes: UnsafeRawBufferPointer, atPath path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytes.count,
              let data = FileManager.default.contents(atPath: path) else { return false }
        guard let fresh = bytes.baseAddress, !bytes.isEmpty else { return true }
        return data.withUnsafeBytes { stored in
            guard let stored = stored.baseAddress else { return false }
            return memcmp(stored, fresh, bytes.count) == 0
        }
    }

    /// Hard-links `path` of the folder open as `from` to the same path in the folder open as `to`.
    public static func link(_ path: String, from: Int32, to: Int32) -> Bool {
        linkat(from, path, to, path, 0) == 0
    }

    /// The files and folders directly in `path` (hidden ones left out), each with whether it
    /// is a folder; nil when it can't be read.
    public static func entries(of path: String) -> [(name: String, isFolder: Bool)]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard !name.hasPrefix(".") else { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) || entry.pointee.d_type == UInt8(DT_LNK) {
                var info = stat()
                isFolder = stat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append((name, isFolder))
        }
        return entries
    }

    /// Removes a folder and everything in it (hidden entries too).
    public static func removeTree(_ path: String) {
        guard let directory = opendir(path) else {
            unlink(path)
            return
        }
        var folders: [String] = []
        let folder = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            if entry.pointee.d_type == UInt8(DT_DIR) || (unlinkat(folder, name, 0) != 0 && (errno == EISDIR || errno == EPERM)) {
                folders.append(path + "/" + name)
            }
        }
        closedir(directory)
        for child in folders { removeTree(child) }
        rmdir(path)
    }
}
