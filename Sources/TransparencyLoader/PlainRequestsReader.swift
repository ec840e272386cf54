import Foundation
import TransparencyModel

/// Reads a requests file straight from its bytes when it is plain: no quotes, no carriage
/// returns, no byte order mark, known columns each named once, every row complete and valid.
/// That is how `transparency import` writes them, and most rows of such a file repeat the
/// period, jurisdiction, process and sources of the row before, so each field is compared with
/// the same field of the row before and read only when it differs.
///
/// Returns nil at the first thing that isn't plain: `RequestsFileParser` then reads the whole
/// file and reports every problem with its location. Both give the same figures
/// (`PlainRequestsReaderTests`).
enum PlainRequestsReader {
    /// The figures in file order, and each source with the line and column of its first citation.
    struct Result {
        var figures: [RequestFigure]
        var sources: [(id: SourceID, line: Int, column: Int)]
        /// Whether every figure's key comes after the one before (in the order of
        /// `RequestFigure.Key`): the figures are then in key order and no two share a key.
        var inKeyOrder = true
    }

    /// Reads `bytes`; with `parts` 2 and a file of at least twice `minimumPartBytes`, its two
    /// halves at once (on two cores): the second half starts at a line, as a file of its own
    /// would, and the two are joined (a build that makes one company again reads its file while
    /// the other core is idle).
    static func read(_ bytes: [UInt8], company: CompanyID, parts: Int = 1, minimumPartBytes: Int = 32_768) -> Result? {
        bytes.withUnsafeBufferPointer { buffer in read(buffer, company: company, parts: parts, minimumPartBytes: minimumPartBytes) }
    }

    /// Where each field is in a row.
    struct Columns {
        var count: Int
        var period: Int, jurisdiction: Int, process: Int, measure: Int, value: Int, sources: Int
        var publishedAs: Int, subject: Int, regime: Int
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, company: CompanyID, parts: Int, minimumPartBytes: Int) -> Result? {
        guard let base = bytes.baseAddress else { return nil }
        if memchr(base, 0x22, bytes.count) != nil || memchr(base, 0x0D, bytes.count) != nil
            || bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
        guard let headerEnd = bytes.firstIndex(of: 0x0A) else { return nil }
        let header = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<headerEnd]), as: UTF8.self)
            .split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let known = RequestsFileParser.requiredColumns + RequestsFileParser.optionalColumns
        guard Set(header).count == header.count, header.allSatisfy(known.contains),
              RequestsFileParser.requiredColumns.allSatisfy(header.contains) else { return nil }
        func column(_ name: String) -> Int { header.firstIndex(of: name) ?? -1 }
        let columns = Columns(
            count: header.count, period: column("period"), jurisdiction: column("jurisdiction"), process: column("process"),
            measure: column("measure"), value: column("value"), sources: column("sources"),
            publishedAs: column("published_as"), subject: column("subject"), regime: column("regime"))
        // The rows start after the header; a second part, at the line after the middle.
        let first = headerEnd + 1
        var middle = bytes.count
        if parts > 1, bytes.count - first >= 2 * minimumPartBytes, let lineFeed = memchr(base + bytes.count / 2, 0x0A, bytes.count - bytes.count / 2) {
            middle = UnsafePointer(lineFeed.assumingMemoryBound(to: UInt8.self)) - base + 1
        }
        // Figures are made in place in memory for one per line, each part from its own start,
        // and moved into the array at the end: appending each to an array copied it and
        // destroyed the original (every reference in it retained and released).
        let firstLines = lineFeeds(in: bytes, first..<middle), secondLines = lineFeeds(in: bytes, middle..<bytes.count)
        let storage = UnsafeMutablePointer<RequestFigure>.allocate(capacity: firstLines + secondLines + 2)
        defer { storage.deallocate() }
        let second = storage + firstLines + 1
        // Each part writes only its own region of the memory.
        let memory = Memory(bytes: bytes, first: storage, second: second)
        let read = { @Sendable [middle] (part: Int) -> Part? in
            part == 0
                ? Self.rows(memory.bytes, columns, company: company, in: first..<middle, firstLine: 2, into: memory.first)
                : Self.rows(memory.bytes, columns, company: company, in: middle..<memory.bytes.count, firstLine: 2 + firstLines, into: memory.second)
        }
        let (one, two) = middle < bytes.count ? parallelPair({ read(0) }, { read(1) }) : (read(0), Part(made: 0, sources: []))
        guard let one, let two else {
            if let one { storage.deinitialize(count: one.made) }
            if let two { second.deinitialize(count: two.made) }
            return nil
        }
        var result = Result(figures: [], sources: one.sources)
        let seen = Set(one.sources.map(\.id))
        result.sources += two.sources.filter { !seen.contains($0.id) }
        result.inKeyOrder = one.inKeyOrder && two.inKeyOrder
            && (one.made == 0 || two.made == 0 || storage[one.made - 1].keyPrecedes(second[0]))
        let made = one.made + two.made
        result.figures = Array(unsafeUninitializedCapacity: made) { buffer, count in
            buffer.baseAddress?.moveInitialize(from: storage, count: one.made)
            (buffer.baseAddress.map { $0 + one.made })?.moveInitialize(from: second, count: two.made)
            count = made
        }
        return result
    }

    /// The file and where each part puts its figures, shared by the two parts.
    private struct Memory: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let first: UnsafeMutablePointer<RequestFigure>, second: UnsafeMutablePointer<RequestFigure>
    }

    /// How many line feeds `range` of `bytes` holds.
    private static func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var lines = 0, searched = base + range.lowerBound
        let end = base + range.upperBound
        while searched < end, let lineFeed = memchr(searched, 0x0A, end - searched) {
            lines += 1
            searched = UnsafePointer(lineFeed.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return lines
    }

    /// The value of a field: plain digits read here, anything else as `PublishedValueParser` reads it.
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ field: Range<Int>, measure: Measure) -> FigureValue? {
        if !measure.isPercentage, field.count > 0, field.count <= 18 {
            var number = 0
            var digits = true
            for index in field {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { digits = false; break }
                number = number * 10 + Int(byte - 48)
            }
            if digits { return .count(.exact(number)) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[field]), as: UTF8.self)
        guard case .success(let value) = PublishedValueParser.value(text, for: measure) else { return nil }
        return value
    }

    /// The character column of byte `index`, counted from the start of its line as the CSV reader counts.
    static func characterColumn(of index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var start = index
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        return bytes[start..<index].reduce(1) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 }
    }
}
