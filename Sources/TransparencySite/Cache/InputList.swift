import Foundation

/// The input files of a build with their stamps, in the order `InputScan` finds them: paths
/// relative to the data folder in one buffer, each ended by a 0 byte, and a stamp for each.
///
/// Two scans of the same files give the same `names`, so a build compares its list with the
/// earlier build's by one comparison of bytes and then stamp by stamp, making no string for a
/// file that did not change.
struct InputList: Sendable {
    /// The relative paths, each ended by a 0 byte.
    private(set) var names: [UInt8] = []
    /// The stamp of each path, in the same order.
    private(set) var stamps: [FileStamp] = []

    init() {}

    /// A list read back from the cache; nil when `names` doesn't hold `stamps.count` paths.
    init?(names: [UInt8], stamps: [FileStamp]) {
        guard names.last == 0 || names.isEmpty, Self.ends(in: names).count == stamps.count else { return nil }
        self.names = names
        self.stamps = stamps
    }

    var count: Int { stamps.count }

    mutating func append(relative folder: String, name: UnsafeBufferPointer<UInt8>, stamp: FileStamp) {
        names.append(contentsOf: folder.utf8)
        names.append(contentsOf: name)
        names.append(0)
        stamps.append(stamp)
    }

    mutating func append(_ other: InputList) {
        names += other.names
        stamps += other.stamps
    }

    /// Where each name of `names` ends (its 0 byte), found with `memchr`.
    private static func ends(in names: [UInt8]) -> [Int] {
        names.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var ends: [Int] = [], searched = base
            let end = base + buffer.count
            while searched < end, let zero = memchr(searched, 0, end - searched) {
                let position = UnsafePointer(zero.assumingMemoryBound(to: UInt8.self))
                ends.append(position - base)
                searched = position + 1
            }
            return ends
        }
    }

    /// Calls `body` with the index and the bytes of the relative path of each file, in order.
    private func forEachName(_ body: (Int, ArraySlice<UInt8>) -> Void) {
        var start = 0
        for (index, end) in zip(stamps.indices, Self.ends(in: names)) {
            body(index, names[start..<end])
            start = end + 1
        }
    }

    /// Calls `body` with the index and relative path of each file, in order.
    func forEachPath(_ body: (Int, String) -> Void) {
        forEachName { index, name in body(index, String(decoding: name, as: UTF8.self)) }
    }

    /// The relative paths of the files whose stamps differ from `earlier`'s, when the two lists
    /// name the same files in the same order; nil when they don't.
    func changed(since earlier: InputList) -> [String]? {
        let same = names.count == earlier.names.count && names.withUnsafeBytes { mine in
            earlier.names.withUnsafeBytes { theirs in
                guard let mine = mine.baseAddress, let theirs = theirs.baseAddress else { return true }
                return memcmp(mine, theirs, names.count) == 0
            }
        }
        guard same else { return nil }
        // Names are made only for the files that changed (few).
        var changed: [String] = []
        forEachName { index, name in
            if stamps[index] != earlier.stamps[index] { changed.append(String(decoding: name, as: UTF8.self)) }
        }
        return changed
    }

    /// Stamps by relative path.
    var byPath: [String: FileStamp] {
        var stamps = [String: FileStamp](minimumCapacity: count)
        forEachPath { index, path in stamps[path] = self.stamps[index] }
        return stamps
    }

    /// The list with the stamps of files changed after `time` (nanoseconds since 1970) replaced
    /// by `FileStamp.unknown`, so that the next build reads those files again.
    func trusting(until time: Int64) -> InputList {
        var list = self
        for index in list.stamps.indices where list.stamps[index].modified >= time { list.stamps[index] = .unknown }
        return list
    }
}
