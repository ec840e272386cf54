import Foundation
@_exported import Platform

/// An output folder being replaced: files are written, from any thread, into a staging folder
/// beside it, which takes the output's place in one atomic exchange when `commit` is called;
/// the replaced output is then removed. Until then the previous output stays as it was; a
/// publication that is abandoned (or a process that is killed) leaves only a staging folder,
/// which the next build removes. After a build the output's parent holds only the output.
///
/// The output folder belongs to the tool: it carries a marker file, and a non-empty folder
/// without one is never replaced.
public final class Publication: @unchecked Sendable {
    /// The marker file that says a folder was written by this tool.
    public static let markerName = ".transparency-output"
    static let markerText = "Written by `transparency build`. Each build replaces this whole folder.\n"

    /// What a publication did.
    public struct Result: Sendable {
        /// Files whose bytes were written.
        public var written: Int
        /// Files the same as the previous output's, linked rather than written again.
        public var unchanged: Int
    }

    public let output: String
    /// The staging folder, and the previous output when there is one of ours.
    let staging: String
    public let previous: String?
    private let lock = NSLock()
    /// The folders made in the staging folder so far.
    private var made: Set<String> = []
    private var result = Result(written: 0, unchanged: 0)
    private var finished = false
    /// The previous output and the staging folder, opened once for `keep` (-1 when not open).
    private let previousFolder: Int32, stagingFolder: Int32

    /// A publication into a new staging folder beside `output` (whose missing parents are made).
    public init(output: String) throws(PublishError) {
        self.output = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
        try Self.checkOutputIsOurs(self.output)
        let folder = (self.output as NSString).deletingLastPathComponent
        let parent = folder.isEmpty ? "." : folder
        try FileSystem.makeFolders(parent)
        let name = (self.output as NSString).lastPathComponent
        Self.removeStaleStaging(in: parent, name: name)
        staging = parent + "/.\(name).staging-\(getpid())"
        previous = FileManager.default.fileExists(atPath: self.output + "/" + Self.markerName) ? self.output : nil
        FileSystem.removeTree(staging)
        guard mkdir(staging, 0o755) == 0 else {
            throw PublishError(path: parent, reason: "cannot create a folder beside the output: \(String(cString: strerror(errno)))")
        }
        previousFolder = previous.map { open($0, O_RDONLY | O_DIRECTORY) } ?? -1
        stagingFolder = open(staging, O_RDONLY | O_DIRECTORY)
    }

    deinit {
        if previousFolder >= 0 { close(previousFolder) }
        if stagingFolder >= 0 { close(stagingFolder) }
        if !finished { FileSystem.removeTree(staging) }
    }

    /// Writes `files`. A file whose bytes equal the previous output's is hard-linked from it
    /// instead, so an unchanged file keeps its identity and costs no write.
    public func write(_ files: [OutputFile], counted: Bool = true) throws(PublishError) {
        var written = 0, unchanged = 0
        for file in files {
            let path = staging + "/" + file.path
            try makeFolder(for: file.path)
            let linked = try file.withBytes { (bytes) throws(PublishError) -> Bool in
                if let previous, FileSystem.same(bytes, atPath: previous + "/" + file.path),
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
    public func keep(_ paths: [String]) -> Bool {
        guard previous != nil, previousFolder >= 0, stagingFolder >= 0 else { return false }
        for path in paths {
            guard (try? makeFolder(for: path)) != nil,
                  FileSystem.link(path, from: previousFolder, to: stagingFolder) else { return false }
        }
        lock.withLock { result.unchanged += paths.count }
        return true
    }

    /// Writes the marker, puts the staging folder in the output's place and removes the
    /// replaced output.
    @discardableResult
    public func commit() throws(PublishError) -> Result {
        try write([OutputFile(path: Self.markerName, contents: Self.markerText)], counted: false)
        try swap()
        finished = true
        return lock.withLock { result }
    }

    /// Makes the folder of a relative path in the staging folder, once.
    private func makeFolder(for path: String) throws(PublishError) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        // Made under the lock: another thread may be about to write into the same folder.
        lock.lock()
        defer { lock.unlock() }
        guard !made.contains(folder) else { return }
        try FileSystem.makeFolders(staging + "/" + folder)
        made.insert(folder)
    }

    private func swap() throws(PublishError) {
        guard FileManager.default.fileExists(atPath: output) else {
            guard rename(staging, output) == 0 else {
                throw PublishError(path: output, reason: "cannot move the new output in place: \(String(cString: strerror(errno)))")
            }
            return
        }
        if FileSystem.exchange(staging, output) {
            // The replaced output is in the staging folder now.
            Self.removeInParallel(staging)
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
        Self.removeInParallel(old)
    }

    /// Removes a replaced output, the folders two levels down (a site's company folders) on
    /// all cores.
    private static func removeInParallel(_ path: String) {
        let folders = (FileSystem.entries(of: path) ?? []).filter(\.isFolder).flatMap { top in
            (FileSystem.entries(of: path + "/" + top.name) ?? []).filter(\.isFolder).map { path + "/" + top.name + "/" + $0.name }
        }
        DispatchQueue.concurrentPerform(iterations: folders.count) { FileSystem.removeTree(folders[$0]) }
        FileSystem.removeTree(path)
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

    /// Staging folders of builds that were killed (their process no longer runs), and the spare
    /// copy that earlier versions of the tool kept beside the output.
    private static func removeStaleStaging(in parent: String, name: String) {
        FileSystem.removeTree(parent + "/.\(name).spare")
        let prefix = ".\(name).staging-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            let pidText = entry.dropFirst(prefix.count).prefix { $0.isNumber }
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 { continue }
            FileSystem.removeTree(parent + "/" + entry)
        }
    }
}
