import Foundation
import TransparencyModel

/// The rows of a plain requests file, or of one part of it (see `PlainRequestsReader.read`).
extension PlainRequestsReader {
    /// What the rows of one part gave: `made` figures in place, the sources they cite first.
    struct Part {
        var made: Int
        var sources: [(id: SourceID, line: Int, column: Int)]
        var inKeyOrder = true
    }

    /// Reads the rows in `range` (whole lines) into `storage`, the first on line `firstLine`;
    /// nil, with nothing left in `storage`, at the first thing that isn't plain.
    static func rows(
        _ bytes: UnsafeBufferPointer<UInt8>, _ columns: Columns, company: CompanyID, in range: Range<Int>, firstLine: Int,
        into storage: UnsafeMutablePointer<RequestFigure>
    ) -> Part? {
        guard let base = bytes.baseAddress else { return nil }
        // This row's fields and the row before's, swapped after each row.
        var fields = UnsafeMutableBufferPointer<Range<Int>>.allocate(capacity: columns.count)
        var previous = UnsafeMutableBufferPointer<Range<Int>>.allocate(capacity: columns.count)
        fields.initialize(repeating: 0..<0)
        previous.initialize(repeating: 0..<0)
        var part = Part(made: 0, sources: [])
        var complete = false
        defer {
            fields.deallocate()
            previous.deallocate()
            if !complete { storage.deinitialize(count: part.made) }
        }
        var seenSources = Set<SourceID>()
        // The values of the row before; they stand until a field differs.
        var period: Period?, jurisdiction: Jurisdiction?, process: LegalProcess?, measure: Measure?
        var subject = RequestSubject.accounts, regime: BandRegime?, sources: [SourceID] = [], publishedAs: String?
        var processes = RecentValues<LegalProcess>()
        var first = true
        var line = firstLine - 1, position = range.lowerBound
        func same(_ index: Int) -> Bool {
            let now = fields[index], before = previous[index]
            guard !first, now.count == before.count else { return false }
            guard now.count <= 8, now.lowerBound + 8 <= bytes.count else {
                return memcmp(base + now.lowerBound, base + before.lowerBound, now.count) == 0
            }
            // Both fields within eight bytes that can be read (`before` comes earlier in the file).
            let mask: UInt64 = now.count == 8 ? ~0 : (1 << (UInt64(now.count) * 8)) - 1
            let a = UnsafeRawPointer(base + now.lowerBound).loadUnaligned(as: UInt64.self)
            let b = UnsafeRawPointer(base + before.lowerBound).loadUnaligned(as: UInt64.self)
            return (UInt64(littleEndian: a) ^ UInt64(littleEndian: b)) & mask == 0
        }
        func text(_ index: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[index]]), as: UTF8.self) }
        while position < range.upperBound {
            line += 1
            if bytes[position] == 0x0A { position += 1; continue }  // A blank line, as the CSV reader skips them.
            // Split the row at its commas.
            guard let count = RowSplitter.split(bytes, from: position, into: fields) else { return nil }
            position = fields[count - 1].upperBound + 1
            guard count == fields.count else { return nil }
            // How this row's key compares with the row before's, decided by the first part of
            // the key that differs (a part whose bytes are the same is the same).
            var order: KeyOrder = first ? .after : .same
            if !same(columns.period) {
                guard let value = Period(parsing: text(columns.period)) else { return nil }
                order = order.then(period, value)
                period = value
            }
            if !same(columns.jurisdiction) {
                guard let value = Jurisdiction(utf8: UnsafeBufferPointer(rebasing: bytes[fields[columns.jurisdiction]])) else { return nil }
                order = order.then(jurisdiction, value)
                jurisdiction = value
            }
            if !same(columns.process) {
                guard let value = processes.value(bytes, fields[columns.process], read: LegalProcess.init(rawValue:)) else { return nil }
                order = order.then(process, value)
                process = value
            }
            if columns.publishedAs >= 0, !same(columns.publishedAs) {
                let field = text(columns.publishedAs)
                order = order.then(publishedAs ?? "", field)
                publishedAs = field.isEmpty ? nil : field
            }
            if columns.subject >= 0, !same(columns.subject) {
                let field = text(columns.subject)
                guard let value = field.isEmpty ? .accounts : RequestSubject(rawValue: field) else { return nil }
                order = order.then(subject, value)
                subject = value
            }
            if !same(columns.measure) {
                guard let value = Measure(rawValue: text(columns.measure)) else { return nil }
                order = order.then(measure, value)
                measure = value
            }
            if order != .after { part.inKeyOrder = false }
            if columns.regime >= 0, !same(columns.regime) {
                let field = text(columns.regime)
                if field.isEmpty { regime = nil } else { guard let value = BandRegime(rawValue: field) else { return nil }; regime = value }
            }
            if !same(columns.sources) {
                let names = text(columns.sources).split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
                guard !names.isEmpty, names.allSatisfy(SourceID.isValidSlug) else { return nil }
                sources = names.map { SourceID($0) }
                for source in sources where seenSources.insert(source).inserted {
                    part.sources.append((source, line, characterColumn(of: fields[columns.sources].lowerBound, in: bytes)))
                }
            }
            guard let period, let jurisdiction, let process, let measure,
                  let value = value(bytes, fields[columns.value], measure: measure) else { return nil }
            (storage + part.made).initialize(to: RequestFigure(
                company: company, period: period, jurisdiction: jurisdiction, process: process, publishedAs: publishedAs,
                subject: subject, measure: measure, value: value, regime: regime, sources: sources))
            part.made += 1
            swap(&fields, &previous)
            first = false
        }
        complete = true
        return part
    }
}
