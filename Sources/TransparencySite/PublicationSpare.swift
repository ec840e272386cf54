import Foundation

/// The spare: the output an incremental build replaced, kept beside the new one for the next
/// incremental build to start from (see `Publication`).
extension Publication {
    /// The spare of `output`: `.<name>.spare` beside it.
    static func sparePath(of output: String) -> String {
        let folder = (output as NSString).deletingLastPathComponent
        return (folder.isEmpty ? "." : folder) + "/.\((output as NSString).lastPathComponent).spare"
    }

    /// Counts `paths` as unchanged: files the staging folder, started from the spare, already
    /// holds as the output does.
    public func adopt(_ paths: [String]) {
        lock.withLock { result.unchanged += paths.count }
    }

    /// With a staging folder started from the spare: removes everything from it but the files
    /// and folders at `paths` (relative), which hold what the output holds, and the folders
    /// that lead to them.
    public func clearSpare(keeping paths: Set<String>) {
        guard startedFromSpare else { return }
        var leading = Set<String>()
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                leading.insert(String(folder))
            }
        }
        func clear(_ folder: String) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? staging : staging + "/" + folder)) ?? []
            for name in names {
                let path = folder.isEmpty ? name : folder + "/" + name
                if paths.contains(path) { continue }
                if leading.contains(path) { clear(path) } else { FileSystem.removeTree(staging + "/" + path) }
            }
        }
        clear("")
        // The folders made so far may be gone.
        lock.withLock { made.removeAll() }
    }
}
