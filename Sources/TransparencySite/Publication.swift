import CSystem
import Foundation

/// An output folder being replaced: files are written, from any thread, into a staging folder
/// beside it, which takes the output's place in one rename when `commit` is called. Until then
/// the previous output stays as it was; a publication that is abandoned (or a process that is
/// killed) leaves only a staging folder, which the next build removes.
///
/// The output folder belongs to the tool: it carries a marker file, and a non-empty folder
/// without one is never replaced.
///
/// After an incremental build the replaced output is not removed but kept beside the new one
/// as the spare (`.<name>.spare`), its unchanged files hard links of the new output's. The next
/// incremental build starts from it instead of an empty folder (`fromSpare`): the files of a
/// company made again in neither build are already there as the output holds them, and only
/// the rest is removed and made or linked again. A full build removes the spare.
public final class Publication: @unchecked Sendable {
    /// The marker file that says a folder was written by this tool.
    public static let markerName = ".transparency-output"
    static let markerText = "Written by `transparency build`. Each build replaces this whole folder.\n"

    /// What a publication did.
    public struct Result: Sendable {
        /// Files whose bytes were written.
        public var written: Int
        /// Files identical to the previous output's, linked rather than written again.
        public var unchanged: Int
    }

    public let output: String
    /// The staging folder, and the previous output when there is one of ours.
    let staging: String
    public let previous: String?
    /// Where the spare is kept.
    public let spare: String
    /// Whether the staging folder started as the spare (and holds the output before last).
    public let startedFromSpare: Bool
    let lock = NSLock()
    /// The folders made in the staging folder so far.
    var made: Set<String> = []
    var result = Publication.Result(written: 0, unchanged: 0)
    private var finished = false
    /// The previous output and the staging folder, opened once for `keep` (-1 when not open).
    private let previousFolder: Int32, stagingFolder: Int32

    /// A publication into a new staging folder, or with `fromSpare`, into the spare when there
    /// is one (see `startedFromSpare`).
    public init(output: String, fromSpare: Bool = false) throws(PublishError) {
        self.output = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
        try Self.checkOutputIsOurs(self.output)
        let folder = (self.output as NSString).deletingLastPathComponent
        let parent = folder.isEmpty ? "." : folder
        let name = (self.output as NSString).lastPathComponent
        Self.removeStaleStaging(in: parent, name: name)
        staging = parent + "/.\(name).staging-\(getpid())"
        spare = Self.sparePath(of: self.output)
        previous = FileManager.default.fileExists(atPath: self.output + "/" + Self.markerName) ? self.output : nil
        startedFromSpare = fromSpare && previous != nil && rename(spare, staging) == 0
        guard startedFromSpare || mkdir(staging, 0o755) == 0 else {
            throw PublishError(path: parent, reason: "cannot create a folder beside the output: \(String(cString: strerror(errno)))")
        }
        previousFolder = previous.map { open($0, O_RDONLY | O_DIRECTORY) } ?? -1
        stagingFolder = open(staging, O_RDONLY | O_DIRECTORY)
    }

    deinit {
        if previousFolder >= 0 { close(previousFolder) }
        if stagingFolder >= 0 { close(stagingFolder) }
        if !finished { try? FileManager.default.removeItem(atPath: staging) }
    }

    /// Writes `files`. A whole file whose bytes equal the previous output's is hard-linked from it
    /// instead, so an unchanged file keeps its identity and costs no write. A file written in
    /// pieces (`OutputFile.Piece`) is made by its first piece and added to by the others, and
    /// counted once.
    public func write(_ files: [OutputFile], counted: Bool = true) throws(PublishError) {
        var written = 0, unchanged = 0
        for file in files {
            let path = staging + "/" + file.path
            if file.piece == .later {
                try file.withBytes { (bytes) throws(PublishError) in try FileSystem.write(bytes, to: path, appending: true) }
                continue
            }
            do {
                try makeFolder(for: path)
            } catch let error as PublishError {
                throw error
            } catch {
                throw PublishError(path: path, reason: "cannot write: \(Self.reason(error))")
            }
            // A file of the spare may be a link of the output's: never written through.
            if startedFromSpare { unlink(path) }
            let linked = try file.withBytes { (bytes) throws(PublishError) -> Bool in
                if file.piece == .whole, let previous, FileSystem.same(bytes, atPath: previous + "/" + file.path),
                   link(previous + "/" + file.path, path) == 0 {
                    return true
                }
                try FileSystem.write(bytes, to: path)
                return false
            }
            if linked { unchanged += 1 } else { written += 1 }
        }
        guard counted else { return }
        lock.withLock {
            result.written += written
            result.unchanged += unchanged
        }
    }

    /// Takes the files at `paths` from the previous output as they are (hard links). False when
    /// there is no previous output or one of them is missing from it.
    ///
    /// Files are linked by their relative paths between the two output folders, each opened
    /// once: a link by whole paths walked both absolute paths again for every file, and opening
    /// each pair of folders cost more system calls than the links themselves.
    public func keep(_ paths: [String]) -> Bool {
        let from = previousFolder, to = stagingFolder
        guard previous != nil, from >= 0, to >= 0 else { return false }
        var index = 0
        while index < paths.count {
            let folder = Self.folder(of: paths[index])
            var end = index + 1
            while end < paths.count, Self.folder(of: paths[end]) == folder { end += 1 }
            guard folder.isEmpty || (try? makeFolder(staging + "/" + folder)) != nil else { return false }
            for path in paths[index..<end] {
                guard linkat(from, path, to, path, 0) == 0 else { return false }
            }
            index = end
        }
        lock.withLock { result.unchanged += paths.count }
        return true
    }

    /// The folder part of a relative path (`site/c1` of `site/c1/index.html`; empty for `c1.md`).
    private static func folder(of path: String) -> Substring {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return path[..<slash]
    }

    /// Writes the marker and puts the staging folder in the output's place. The replaced output
    /// becomes the spare with `keepingSpare`, and is removed otherwise (with any spare).
    @discardableResult
    public func commit(keepingSpare: Bool = false) throws(PublishError) -> Publication.Result {
        try write([OutputFile(path: Self.markerName, contents: Self.markerText)], counted: false)
        try swap(keepingSpare: keepingSpare)
        finished = true
        return lock.withLock { result }
    }

    private func makeFolder(for path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        try makeFolder(String(path[..<slash]))
    }

    private func makeFolder(_ directory: String) throws {
        // Made under the lock: another thread may be about to write into the same folder.
        try lock.withLock {
            guard made.insert(directory).inserted else { return }
            do {
                try FileSystem.makeFolders(directory)
            } catch {
                made.remove(directory)
                throw error
            }
        }
    }

    private func swap(keepingSpare: Bool) throws(PublishError) {
        if FileManager.default.fileExists(atPath: spare) { FileSystem.removeTreeInParallel(spare) }
        guard FileManager.default.fileExists(atPath: output) else {
            guard rename(staging, output) == 0 else {
                throw PublishError(path: output, reason: "cannot move the new output in place: \(String(cString: strerror(errno)))")
            }
            return
        }
        if transparency_exchange_paths(staging, output) == 0 {
            // The replaced output is in the staging folder now: one of ours, whole.
            if !(keepingSpare && previous != nil && rename(staging, spare) == 0) { FileSystem.removeTreeInParallel(staging) }
            return
        }
        // No atomic exchange on this file system: two renames, the old output kept until the end.
        let old = staging + ".old"
        guard rename(output, old) == 0 else {
            throw PublishError(path: output, reason: "cannot replace the output: \(String(cString: strerror(errno)))")
        }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old, output)
            throw PublishError(path: output, reason: "cannot move the new output in place: \(reason)")
        }
        try? FileManager.default.removeItem(atPath: old)
    }

    private static func checkOutputIsOurs(_ output: String) throws(PublishError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw PublishError(path: output, reason: "the output exists and is not a folder") }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        guard contents.isEmpty || contents.contains(Self.markerName) else {
            throw PublishError(
                path: output,
                reason: "refusing to replace a folder this tool did not write (it has no \(Self.markerName)); choose another --output")
        }
    }

    /// Staging folders of builds that were killed: their process no longer runs.
    private static func removeStaleStaging(in parent: String, name: String) {
        let prefix = ".\(name).staging-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            let pidText = entry.dropFirst(prefix.count).prefix { $0.isNumber }
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }

    /// The operating system's words for a Foundation file error.
    private static func reason(_ error: Error) -> String {
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedFailureReason ?? error.localizedDescription
    }
}
