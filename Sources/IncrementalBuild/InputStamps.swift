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
    public init(root: String, group: (String) -> String) {
        let now = Date().timeIntervalSince1970
        var members: [String: [(path: String, stamp: String)]] = [:]
        for path in Self.files(under: root, relative: "") {
            let stamp = FileSystem.stamp(root + "/" + path) ?? "absent"
            let recent = Double(FileSystem.modificationSeconds(ofStamp: stamp)) > now - 2
            members[group(path), default: []].append((path, recent ? "recent \(now)" : stamp))
        }
        groups = members.mapValues { files in
            Self.digest(files.sorted { $0.path < $1.path }.flatMap { [$0.path, $0.stamp] })
        }
    }

    /// A digest of `parts`, the same in every process.
    public static func digest(_ parts: [String]) -> String {
        String(StableHash.of(parts.map { Array($0.utf8) }), radix: 16)
    }

    private static func files(under root: String, relative: String) -> [String] {
        let folder = relative.isEmpty ? root : root + "/" + relative
        var paths: [String] = []
        for entry in FileSystem.entries(of: folder) ?? [] {
            let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
            if entry.isFolder { paths += files(under: root, relative: path) } else { paths.append(path) }
        }
        return paths
    }
}
