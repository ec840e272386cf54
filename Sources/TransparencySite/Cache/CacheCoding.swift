import Foundation
import TransparencyAnalysis
import TransparencyLoader

/// How the build cache writes and reads the dataset's values.
extension BinaryWriter {
    mutating func location(_ value: SourceLocation) {
        string(value.path); int(value.line); int(value.column)
    }

    mutating func diagnostic(_ value: Diagnostic) {
        location(value.location); string(value.severity.rawValue); string(value.message)
    }

    mutating func date(_ value: DataDate) {
        int(value.year); int(value.month ?? 0); int(value.day ?? 0)
    }

    mutating func period(_ value: Period) {
        switch value {
        case .halfYear(let year, let half): int(0); int(year); int(half)
        case .year(let year): int(1); int(year)
        case .range(let from, let to): int(2); date(from); date(to)
        }
    }

    mutating func count(_ value: Count) {
        switch value {
        case .exact(let number): int(0); int(number)
        case .range(let minimum, let maximum): int(1); int(minimum); int(maximum)
        case .notReported: int(2)
        }
    }

    mutating func total(_ value: RequestTotals.Total) {
        optional(value.reported) { $0.count($1) }
        int(value.unreported)
    }

    mutating func registry(_ value: RegistryRecord) {
        let entry = { (writer: inout BinaryWriter, entry: RegistryRecord.Entry) in
            writer.string(entry.kind); writer.string(entry.id); writer.location(entry.location)
        }
        array(value.definitions, entry)
        array(value.references, entry)
        array(value.incompleteKinds.sorted()) { $0.string($1) }
    }

    mutating func fileRecord(_ value: FileRecord) {
        optional(value.owner) { $0.string($1.rawValue) }
        array(value.diagnostics) { $0.diagnostic($1) }
        registry(value.registry)
        optional(value.company) { $0.company($1) }
    }

    mutating func summary(_ value: CompanySummary) {
        string(value.company.rawValue)
        int(value.statementCount)
        optional(value.firstStatement) { $0.date($1) }
        optional(value.lastStatement) { $0.date($1) }
        int(value.evidenceCount)
        int(value.contradictingCount)
        optional(value.latestPeriod) { $0.period($1) }
        int(value.figureCount)
        let rows = value.comparisonRows
        array(rows.periods) { writer, entry in
            writer.period(entry.period)
            writer.bool(entry.hasRequests)
            // Each line with a string table of its own, to be read alone when a page asks for it.
            var line = BinaryWriter()
            if let value = rows[entry.period] { line.comparisonLine(value) }
            writer.blob(line.bytes)
        }
    }

    mutating func comparisonLine(_ value: CompanySummary.ComparisonLine) {
        optional(value.requests) { $0.total($1) }
        optional(value.accounts) { $0.total($1) }
        array(value.nationalSecurity.sorted { $0.key < $1.key }) { $0.string($1.key.rawValue); $0.count($1.value) }
        array(value.sources) { $0.string($1.rawValue) }
    }

    mutating func entry(_ value: AtomFeed.Entry) {
        string(value.id); string(value.title); date(value.updated); string(value.link); string(value.category); string(value.content)
    }
}

extension BinaryReader {
    mutating func location() throws(Damaged) -> SourceLocation {
        SourceLocation(path: try string(), line: try int(), column: try int())
    }

    mutating func diagnostic() throws(Damaged) -> Diagnostic {
        let location = try location()
        guard let severity = Diagnostic.Severity(rawValue: try string()) else { throw Damaged() }
        return Diagnostic(location, try string(), severity: severity)
    }

    mutating func date() throws(Damaged) -> DataDate {
        let year = try int(), month = try int(), day = try int()
        guard let date = DataDate(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day) else { throw Damaged() }
        return date
    }

    mutating func period() throws(Damaged) -> Period {
        switch try int() {
        case 0: return .halfYear(year: try int(), half: try int())
        case 1: return .year(try int())
        case 2: return .range(from: try date(), to: try date())
        default: throw Damaged()
        }
    }

    mutating func count() throws(Damaged) -> Count {
        switch try int() {
        case 0: return .exact(try int())
        case 1: return .range(minimum: try int(), maximum: try int())
        case 2: return .notReported
        default: throw Damaged()
        }
    }

    mutating func total() throws(Damaged) -> RequestTotals.Total {
        RequestTotals.Total(reported: try optional { reader throws(Damaged) in try reader.count() }, unreported: try int())
    }

    mutating func registry() throws(Damaged) -> RegistryRecord {
        let entry = { (reader: inout BinaryReader) throws(Damaged) -> RegistryRecord.Entry in
            RegistryRecord.Entry(kind: try reader.string(), id: try reader.string(), location: try reader.location())
        }
        return RegistryRecord(
            definitions: try array(entry), references: try array(entry),
            incompleteKinds: Set(try array { reader throws(Damaged) in try reader.string() }))
    }

    mutating func fileRecord() throws(Damaged) -> FileRecord {
        let owner = try optional { reader throws(Damaged) in CompanyID(try reader.string()) }
        let diagnostics = try array { reader throws(Damaged) in try reader.diagnostic() }
        let registry = try registry()
        return FileRecord(
            owner: owner, diagnostics: diagnostics, registry: registry,
            company: try optional { reader throws(Damaged) in try reader.company() })
    }

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

    mutating func entry() throws(Damaged) -> AtomFeed.Entry {
        AtomFeed.Entry(
            id: try string(), title: try string(), updated: try date(), link: try string(), category: try string(),
            content: try string())
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
