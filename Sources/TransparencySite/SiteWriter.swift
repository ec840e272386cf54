import CAtomicRename
import Foundation

/// Publishes a build atomically: every file is written into a staging folder beside the output
/// folder, which then takes the output's place in one rename. A build that fails or is killed
/// leaves the previous output as it was; its staging folder is removed by the next build.
///
/// The output folder belongs to the tool: it carries a marker file, and a non-empty folder
/// without one is never replaced.
public struct SiteWriter: Sendable {
    /// The marker file that says a folder was written by this tool.
    public static let markerName = ".transparency-output"
    static let markerText = "Written by `transparency build`. Each build replaces this whole folder.\n"

    public let output: String

    public init(output: String) {
        self.output = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
    }

    /// What a publish did.
    public struct Result: Sendable {
        /// Files whose bytes were written.
        public var written: Int
        /// Files identical to the previous output's, linked rather than written again.
        public var unchanged: Int
    }

    /// Writes `files` and swaps them in place of the output folder. A file whose bytes equal the
    /// previous output's is hard-linked from it instead of written, so an incremental change
    /// rewrites only the files it changes.
    @discardableResult
    public func publish(_ files: [OutputFile]) throws(PublishError) -> Result {
        let manager = FileManager.default
        try checkOutputIsOurs()
        let folder = (output as NSString).deletingLastPathComponent
        let parent = folder.isEmpty ? "." : folder
        let name = (output as NSString).lastPathComponent
        removeStaleStaging(in: parent, name: name)
        let staging = parent + "/.\(name).staging-\(getpid())"
        guard mkdir(staging, 0o755) == 0 else {
            throw PublishError(path: parent, reason: "cannot create a folder beside the output: \(String(cString: strerror(errno)))")
        }
        do {
            let previous = FileManager.default.fileExists(atPath: output + "/" + Self.markerName) ? output : nil
            let result = try write(files + [OutputFile(path: Self.markerName, contents: Self.markerText)], into: staging, previous: previous)
            try swap(staging, into: output)
            return result
        } catch {
            try? manager.removeItem(atPath: staging)
            throw error
        }
    }

    private func write(_ files: [OutputFile], into folder: String, previous: String?) throws(PublishError) -> Result {
        var made: Set<String> = []
        var result = Result(written: 0, unchanged: 0)
        for file in files {
            let path = folder + "/" + file.path
            let directory = (path as NSString).deletingLastPathComponent
            do {
                if made.insert(directory).inserted {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                }
                switch file.content {
                case .bytes(let bytes):
                    if let previous, Self.same(bytes, atPath: previous + "/" + file.path), link(previous + "/" + file.path, path) == 0 {
                        result.unchanged += 1
                        continue
                    }
                    try Data(bytes).write(to: URL(fileURLWithPath: path))
                case .stream(let produce):
                    guard FileManager.default.createFile(atPath: path, contents: nil),
                          let handle = FileHandle(forWritingAtPath: path) else {
                        throw PublishError(path: path, reason: "cannot create the file")
                    }
                    produce(OutputFile.Sink(handle: handle))
                    try handle.close()
                }
            } catch {
                throw PublishError(path: path, reason: "cannot write: \(Self.reason(error))")
            }
            result.written += 1
        }
        return result
    }

    /// Whether the file at `path` holds exactly `bytes` (its size is checked first).
    private static func same(_ bytes: [UInt8], atPath path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              (attributes[.size] as? NSNumber)?.intValue == bytes.count,
              let data = FileManager.default.contents(atPath: path) else { return false }
        return data.elementsEqual(bytes)
    }

    private func swap(_ staging: String, into output: String) throws(PublishError) {
        guard FileManager.default.fileExists(atPath: output) else {
            guard rename(staging, output) == 0 else {
                throw PublishError(path: output, reason: "cannot move the new output in place: \(String(cString: strerror(errno)))")
            }
            return
        }
        if transparency_exchange_paths(staging, output) == 0 {
            try? FileManager.default.removeItem(atPath: staging)
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

    private func checkOutputIsOurs() throws(PublishError) {
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
    private func removeStaleStaging(in parent: String, name: String) {
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
