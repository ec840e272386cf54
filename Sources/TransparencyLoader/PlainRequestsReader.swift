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

    /// Reads `bytes`; with `parts` above 1, in up to that many parts of at least
    /// `minimumPartBytes` each, on all cores: each part after the first starts at a line, as a
    /// file of its own would, and the parts are joined (a build that makes one company again
    /// reads its file while the other core is idle, and the parts let a core that becomes free
    /// take a share).
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
        // The rows start after the header; each further part at the line after its share.
        let first = headerEnd + 1
        var bounds = [first]
        let share = (bytes.count - first) / max(1, parts)
        if parts > 1, share >= minimumPartBytes {
            for part in 1..<parts {
                let from = max(first + part * share, bounds[bounds.count - 1])
                guard from < bytes.count, let lineFeed = memchr(base + from, 0x0A, bytes.count - from) else { break }
                let start = UnsafePointer(lineFeed.assumingMemoryBound(to: UInt8.self)) - base + 1
                if start < bytes.count, start > bounds[bounds.count - 1] { bounds.append(start) }
            }
        }
        bounds.append(bytes.count)
        let ranges = (0..<bounds.count - 1).map { bounds[$0]..<bounds[$0 + 1] }
        // Figures are made in place, one slot per line, each part from its own start, in the
        // memory of the array they end in (appending each to an array copied it and destroyed
        // the original; moving them from memory of their own into the array touched a megabyte
        // of new memory: 0.6 ms at 10,000 figures). The parts' unused slots are closed up after.
        let lines = ranges.map { lineFeeds(in: bytes, $0) }
        var offsets = [0], firstLines = [2]
        for index in lines.indices.dropLast() {
            offsets.append(offsets[index] + lines[index] + 1)
            firstLines.append(firstLines[index] + lines[index])
        }
        var result: Result?
        let figures = [RequestFigure](unsafeUninitializedCapacity: (offsets.last ?? 0) + (lines.last ?? 0) + 1) { buffer, initialized in
            initialized = 0
            guard let storage = buffer.baseAddress else { return }
            // Each part writes only its own region of the memory.
            let memory = Memory(bytes: bytes, storage: storage)
            let read = { @Sendable [ranges, offsets, firstLines] (part: Int) -> Part? in
                Self.rows(memory.bytes, columns, company: company, in: ranges[part], firstLine: firstLines[part], into: memory.storage + offsets[part])
            }
            let made = ranges.count > 1 ? parallelMap(Array(ranges.indices), read) : [read(0)]
            let parts = made.compactMap { $0 }
            guard parts.count == made.count else {
                for (offset, part) in zip(offsets, made) { if let part { (storage + offset).deinitialize(count: part.made) } }
                return
            }
            result = joined(parts, at: offsets, in: storage)
            var target = storage
            for (offset, part) in zip(offsets, parts) {
                if storage + offset != target { target.moveInitialize(from: storage + offset, count: part.made) }
                target += part.made
            }
            initialized = target - storage
        }
        result?.figures = figures
        return result
    }

    /// What the parts read gave, but the figures: their sources (each with its first citation)
    /// and whether the figures are in key order, within each part and across each seam between
    /// parts with figures.
    private static func joined(_ parts: [Part], at offsets: [Int], in storage: UnsafeMutablePointer<RequestFigure>) -> Result {
        var result = Result(figures: [], sources: [])
        var seen = Set<SourceID>()
        var last: UnsafeMutablePointer<RequestFigure>?
        for (offset, part) in zip(offsets, parts) {
            for source in part.sources where seen.insert(source.id).inserted { result.sources.append(source) }
            result.inKeyOrder = result.inKeyOrder && part.inKeyOrder
            guard part.made > 0 else { continue }
            if let last, !last.pointee.keyPrecedes(storage[offset]) { result.inKeyOrder = false }
            last = storage + offset + part.made - 1
        }
        return result
    }

    /// The file and where the parts put their figures (each its own region).
    private struct Memory: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let storage: UnsafeMutablePointer<RequestFigure>
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
