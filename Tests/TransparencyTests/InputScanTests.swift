import Foundation
import Testing
@testable import TransparencySite

/// The input scan lists files in an order set by their names alone, so two scans of the same
/// files compare stamp by stamp, and the comparison finds exactly the files that changed.
@Suite struct InputScanTests {
    /// Relative paths of a small dataset-like tree, three levels deep.
    static let paths = [
        "sources.yaml", "claims.yaml", "companies/b.yaml", "companies/a.yaml", "requests/a.csv",
        "documents/b/terms/2020-01-01.md", "documents/b/terms/document.yaml", "documents/a/policy/2019-05-01.md",
        "documents/a/policy/2018-05-01.md", "documents/a/policy/document.yaml", "statements/a.yaml",
    ]

    func write(_ paths: [String], under root: String) throws {
        for path in paths {
            let file = root + "/" + path
            try FileManager.default.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("x: \(path)\n".utf8).write(to: URL(fileURLWithPath: file))
        }
    }

    func paths(_ list: InputList) -> [String] {
        var paths: [String] = []
        list.forEachPath { _, path in paths.append(path) }
        return paths
    }

    @Test func theOrderDependsOnTheNamesOnly() throws {
        var generator = SeededGenerator(seed: 11)
        let first = try TestPaths.temporaryFolder(), second = try TestPaths.temporaryFolder()
        try write(Self.paths, under: first)
        try write(Self.paths.shuffled(using: &generator), under: second)
        // Hidden files are no input.
        try write([".hidden", "documents/a/.draft.md"], under: second)
        let one = InputScan.scan(root: first), other = InputScan.scan(root: second)
        #expect(Set(paths(one)) == Set(Self.paths))
        #expect(paths(one) == paths(other))
        #expect(one.names == other.names)
        // Top-level files first, and within a folder, names in byte order.
        #expect(paths(one).prefix(2) == ["claims.yaml", "sources.yaml"])
        #expect(paths(one).filter { $0.hasPrefix("documents/a/") }
            == ["documents/a/policy/2018-05-01.md", "documents/a/policy/2019-05-01.md", "documents/a/policy/document.yaml"])
    }

    @Test func aComparisonFindsExactlyTheChangedFiles() throws {
        let root = try TestPaths.temporaryFolder()
        try write(Self.paths, under: root)
        let before = InputScan.scan(root: root)
        #expect(InputScan.scan(root: root).changed(since: before) == [])
        // Changed in place (another size), and replaced by a new file with a rename.
        try Data("longer text\n".utf8).write(to: URL(fileURLWithPath: root + "/requests/a.csv"))
        try Data("new\n".utf8).write(to: URL(fileURLWithPath: root + "/statements/.new"))
        #expect(rename(root + "/statements/.new", root + "/statements/a.yaml") == 0)
        let after = InputScan.scan(root: root)
        #expect(after.names == before.names)
        #expect(after.changed(since: before).map(Set.init) == ["requests/a.csv", "statements/a.yaml"])
        // A file that came: the lists name other files, and are compared by path instead.
        try write(["evidence/e.yaml"], under: root)
        let added = InputScan.scan(root: root)
        #expect(added.changed(since: after) == nil)
        #expect(Set(added.byPath.keys) == Set(Self.paths + ["evidence/e.yaml"]))
        #expect(added.byPath["requests/a.csv"] == after.byPath["requests/a.csv"])
    }

    @Test func aListReadBackMustHoldOnePathPerStamp() {
        let stamp = FileStamp(inode: 1, size: 2, modified: 3)
        #expect(InputList(names: Array("a\u{0}b\u{0}".utf8), stamps: [stamp, stamp]) != nil)
        #expect(InputList(names: Array("a\u{0}b".utf8), stamps: [stamp, stamp]) == nil)
        #expect(InputList(names: Array("a\u{0}".utf8), stamps: [stamp, stamp]) == nil)
        #expect(InputList(names: [], stamps: []) != nil)
    }

    /// Stamps of files changed too close to the build are written as unknown.
    @Test func recentStampsAreNotTrusted() throws {
        let root = try TestPaths.temporaryFolder()
        try write(["a.yaml", "b.yaml"], under: root)
        let old = timespec(tv_sec: 1_000_000_000, tv_nsec: 0)
        let times = [old, old]
        #expect(times.withUnsafeBufferPointer { utimensat(AT_FDCWD, root + "/a.yaml", $0.baseAddress, 0) } == 0)
        let list = InputScan.scan(root: root).trusting(until: 1_000_000_001 * 1_000_000_000)
        #expect(list.stamps.map { $0 == .unknown } == [false, true])
    }
}
