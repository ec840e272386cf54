import Foundation
import TransparencyAnalysis
import TransparencyLoader

/// How the build cache writes and reads a company's summary: its comparison lines each on their
/// own, read only when a page asks for one (`CompanySummary.ComparisonRows`).
extension BinaryWriter {
    mutating func summary(_ value: CompanySummary) {
        string(value.company.rawValue)
        int(value.statementCount)
        optional(value.firstStatement) { $0.date($1) }
        optional(value.lastStatement) { $0.date($1) }
        int(value.evidenceCount)
        int(value.contradictingCount)
        optional(value.latestPeriod) { $0.period($1) }
        int(value.figureCount)
        let lines = value.comparisonRows.all
        array(value.comparisonRows.periods) { writer, entry in
            writer.period(entry.period)
            writer.bool(entry.hasRequests)
            // Each line with a string table of its own, to be read alone when a page asks for it.
            var line = BinaryWriter()
            if let value = lines[entry.period] { line.comparisonLine(value) }
            writer.blob(line.bytes)
        }
    }

    mutating func comparisonLine(_ value: CompanySummary.ComparisonLine) {
        optional(value.requests) { $0.total($1) }
        optional(value.accounts) { $0.total($1) }
        array(value.nationalSecurity.sorted { $0.key < $1.key }) { $0.string($1.key.rawValue); $0.count($1.value) }
        array(value.sources) { $0.string($1.rawValue) }
    }
}

extension BinaryReader {
    /// A summary whose comparison lines are read when asked: one that can't be is reported to
    /// `damage` (and reads as no line).
    mutating func summary(damage: CacheDamage) throws(Damaged) -> CompanySummary {
        let company = CompanyID(try string())
        let statementCount = try int()
        let first = try optional { reader throws(Damaged) in try reader.date() }
        let last = try optional { reader throws(Damaged) in try reader.date() }
        let evidenceCount = try int(), contradictingCount = try int()
        let latest = try optional { reader throws(Damaged) in try reader.period() }
        let figureCount = try int()
        let count = try length()
        var periods: [CompanySummary.ComparisonRows.Entry] = [], lines: [ArraySlice<UInt8>] = []
        periods.reserveCapacity(count)
        lines.reserveCapacity(count)
        for _ in 0..<count {
            let entry = CompanySummary.ComparisonRows.Entry(period: try period(), hasRequests: try bool())
            // Written in period order, each period once.
            if let last = periods.last, !(last.period < entry.period) { throw Damaged() }
            periods.append(entry)
            lines.append(try blob())
        }
        let comparisonRows = CompanySummary.ComparisonRows(periods: periods) { [lines] index in
            var reader = BinaryReader(lines[index])
            guard let line = try? reader.comparisonLine(), reader.isAtEnd else {
                damage.report()
                return nil
            }
            return line
        }
        return CompanySummary(
            company: company, statementCount: statementCount, firstStatement: first, lastStatement: last,
            evidenceCount: evidenceCount, contradictingCount: contradictingCount, latestPeriod: latest,
            figureCount: figureCount, comparisonRows: comparisonRows)
    }

    mutating func comparisonLine() throws(Damaged) -> CompanySummary.ComparisonLine {
        let requests = try optional { reader throws(Damaged) in try reader.total() }
        let accounts = try optional { reader throws(Damaged) in try reader.total() }
        let security = try array { reader throws(Damaged) -> (LegalProcess, Count) in
            guard let process = LegalProcess(rawValue: try reader.string()) else { throw Damaged() }
            return (process, try reader.count())
        }
        let sources = try array { reader throws(Damaged) in SourceID(try reader.string()) }
        return CompanySummary.ComparisonLine(
            requests: requests, accounts: accounts,
            nationalSecurity: Dictionary(security, uniquingKeysWith: { first, _ in first }), sources: sources)
    }
}

/// Whether a part of a cache read only when needed turned out damaged: the build that read it
/// must not use it (it builds in full instead).
final class CacheDamage: @unchecked Sendable {
    private let lock = NSLock()
    private var found = false

    func report() { lock.withLock { found = true } }
    var isFound: Bool { lock.withLock { found } }
}
