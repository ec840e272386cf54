import Foundation
@_exported import Platform
import TransparencyModel

/// The stamps of the files under a folder, gathered into groups whose digests say whether
/// anything in them changed since an earlier build.
public struct InputStamps: Sendable {
    /// Each group's digest.
    public var groups: [String: String]

    /// Stamps every file under `root` (hidden ones left out) and puts it in the group that
    /// `group` names for its path relative to `root`. A file changed within two seconds of the
    /// build's start may change again within the same tick of the file system's clock unseen:
    /// its group's digest then never matches (the next build reads it again).
    public init(root: String, group: @Sendable (String) -> String) {
        let now = Date().timeIntervalSince1970
        // The folders two levels down are listed on all cores (a dataset's company folders).
        let top = FileSystem.entries(of: root) ?? []
        var folders: [String] = [], files: [String] = []
        for entry in top {
            guard entry.isFolder else { files.append(entry.name); continue }
            for inner in FileSystem.entries(of: root + "/" + entry.name) ?? [] {
                if inner.isFolder { folders.append(entry.name + "/" + inner.name) } else { files.append(entry.name + "/" + inner.name) }
            }
        }
        // Piece 0 stamps the files found so far; piece n, the files under folder n - 1.
        let stamped = parallelMap(Array(0...folders.count)) { [files, folders] piece -> [(group: String, path: String, stamp: String)] in
            (piece == 0 ? files : Self.files(under: root, relative: folders[piece - 1])).map { path in
                let stamp = FileSystem.stamp(root + "/" + path)
                let recent = (stamp?.modified ?? 0) > now - 2
                return (group(path), path, recent ? "recent \(now)" : stamp?.description ?? "absent")
            }
        }
        var members: [String: [String]] = [:]
        for file in stamped.joined().sorted(by: { $0.path < $1.path }) { members[file.group, default: []] += [file.path, file.stamp] }
        groups = members.mapValues(Self.digest)
    }

    /// A digest of `parts`, the same in every process.
    public static func digest(_ parts: [String]) -> String {
        String(StableHash.of(parts.map { Array($0.utf8) }), radix: 16)
    }

    private static func files(under root: String, relative: String) -> [String] {
        var paths: [String] = []
        for entry in FileSystem.entries(of: root + "/" + relative) ?? [] {
            let path = relative + "/" + entry.name
            if entry.isFolder { paths += files(under: root, relative: path) } else { paths.append(path) }
        }
        return paths
    }
}
