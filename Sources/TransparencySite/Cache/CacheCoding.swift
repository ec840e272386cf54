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

    mutating func entry() throws(Damaged) -> AtomFeed.Entry {
        AtomFeed.Entry(
            id: try string(), title: try string(), updated: try date(), link: try string(), category: try string(),
            content: try string())
    }
}
