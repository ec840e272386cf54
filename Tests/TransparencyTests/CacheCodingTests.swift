import Testing
import TransparencyAnalysis
@testable import TransparencySite

/// The build cache's byte format reads back what it wrote: strings written once and then by
/// number (interleaved with strings written without a look-up), numbers of every size.
@Suite struct CacheCodingTests {
    @Test func stringsAndNumbersReadBackAsWritten() throws {
        var generator = SeededGenerator(seed: 5)
        let pool = (0..<300).map { "path/\($0)/file-\($0 % 7).yaml" } + ["", "é", "👩‍👩‍👧", "a"]
        var writer = BinaryWriter()
        var expected: [(String, Int)] = []
        for _ in 0..<20_000 {
            let text = pool.randomElement(using: &generator) ?? ""
            let number = Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0..<64, using: &generator)
            writer.string(text, repeated: Int.random(in: 0..<4, using: &generator) > 0)
            writer.int(number)
            expected.append((text, number))
        }
        var reader = BinaryReader(writer.bytes)
        for (text, number) in expected {
            #expect(try reader.string() == text)
            #expect(try reader.int() == number)
        }
        #expect(reader.isAtEnd)
        // Repeated strings took their number, not their bytes: fewer bytes in all than the strings'.
        #expect(writer.bytes.count < expected.reduce(0) { $0 + $1.0.utf8.count })
    }

    /// A part written by a writer of its own stands alone: copied into another writer between
    /// its strings, it reads back with a reader of its own, and the strings around it as written.
    @Test func partsReadBackOnTheirOwn() throws {
        var part = BinaryWriter()
        part.string("shared"); part.string("shared"); part.int(-7)
        var writer = BinaryWriter()
        writer.string("shared"); writer.blob(part.bytes); writer.string("shared"); writer.blob([UInt8]())
        var reader = BinaryReader(writer.bytes)
        #expect(try reader.string() == "shared")
        var own = BinaryReader(try reader.blob())
        #expect(try own.string() == "shared")
        #expect(try own.string() == "shared")
        #expect(try own.int() == -7)
        #expect(own.isAtEnd)
        #expect(try reader.string() == "shared")
        #expect(try reader.blob().isEmpty)
        #expect(reader.isAtEnd)
        // A part longer than what is left is damage.
        var damaged = BinaryWriter()
        damaged.unsigned(100)
        var short = BinaryReader(damaged.bytes + [1, 2, 3])
        #expect(throws: BinaryReader.Damaged.self) { try short.blob() }
    }

    /// Tallying runs of companies with the same periods counts what counting company by company
    /// does: every period with a line, and how many of its lines have a headline total.
    @Test func periodTallyCountsEveryCompany() {
        var generator = SystemRandomNumberGenerator()
        let line = CompanySummary.ComparisonLine(
            requests: RequestTotals.Total(reported: .exact(1), unreported: 0), accounts: nil, nationalSecurity: [:], sources: [])
        let plain = CompanySummary.ComparisonLine(requests: nil, accounts: nil, nationalSecurity: [:], sources: [])
        let shapes: [CompanySummary.ComparisonRows] = (0..<4).map { _ in
            CompanySummary.ComparisonRows(Dictionary(uniqueKeysWithValues: (2010..<2016).filter { _ in Bool.random(using: &generator) }.map {
                (Period.year($0), Bool.random(using: &generator) ? line : plain)
            }))
        }
        for _ in 0..<200 {
            let rows = (0..<Int.random(in: 0..<12, using: &generator)).map { _ in shapes[Int.random(in: 0..<shapes.count, using: &generator)] }
            var expected: [Period: Int] = [:]
            for row in rows {
                for entry in row.periods { expected[entry.period, default: 0] += entry.hasRequests ? 1 : 0 }
            }
            #expect(CompanySummary.ComparisonRows.tally(rows) == expected)
        }
    }

    /// A company's summary reads back equal, its comparison lines read when asked; a line that
    /// can't be read is reported as damage, and lines out of period order are damage at once.
    @Test func summariesReadBackWithTheirLinesWhenAsked() throws {
        let line = CompanySummary.ComparisonLine(
            requests: RequestTotals.Total(reported: .range(minimum: 0, maximum: 499), unreported: 1),
            accounts: RequestTotals.Total(reported: .exact(7), unreported: 0),
            nationalSecurity: [.subpoena: .notReported, .wiretap: .exact(3)], sources: ["s1", "é"])
        let plain = CompanySummary.ComparisonLine(requests: nil, accounts: nil, nationalSecurity: [:], sources: [])
        let first = Period.halfYear(year: 2013, half: 1), second = Period.year(2014)
        let summary = CompanySummary(
            company: "acme", statementCount: 3, firstStatement: DataDate(year: 2013), lastStatement: nil, evidenceCount: 2,
            contradictingCount: 1, latestPeriod: second, figureCount: 40, comparisonRows: [first: line, second: plain])
        var writer = BinaryWriter()
        writer.summary(summary)
        var reader = BinaryReader(writer.bytes)
        let damage = CacheDamage()
        let read = try reader.summary(damage: damage)
        #expect(reader.isAtEnd)
        #expect(read.comparisonRows.periods.map(\.hasRequests) == [true, false])
        #expect(read == summary)
        #expect(!damage.isFound)
        // The same summary with no lines, then lines written by hand.
        var empty = summary
        empty.comparisonRows = [:]
        var head = BinaryWriter()
        head.summary(empty)
        func reading(_ rows: (inout BinaryWriter) -> Void) throws -> CompanySummary {
            var tail = BinaryWriter()
            rows(&tail)
            var reader = BinaryReader(Array(head.bytes.dropLast()) + tail.bytes)
            return try reader.summary(damage: damage)
        }
        let garbled = try reading { tail in
            tail.unsigned(1); tail.period(first); tail.bool(true); tail.blob([0xFF, 0xFF])
        }
        #expect(!damage.isFound, "read only when asked")
        #expect(garbled.comparisonRows[first] == nil)
        #expect(damage.isFound)
        #expect(throws: BinaryReader.Damaged.self) {
            try reading { tail in
                tail.unsigned(2)
                for period in [second, first] { tail.period(period); tail.bool(false); tail.blob([UInt8]()) }
            }
        }
    }

    /// A company kept with its file's record reads back equal, every optional part set or not.
    @Test func companiesReadBackAsWritten() throws {
        let ownership = [
            Ownership(owner: "Someone Else", from: DataDate(year: 2011, month: 10), sources: ["s1", "s2"]),
            Ownership(owner: "Microsoft", ownerCompany: "microsoft", until: DataDate(year: 2020), sources: []),
        ]
        let companies = [
            Company(id: "microsoft", name: "Microsoft", aliases: ["MSFT", "é"], homepage: "https://example.org", summary: "Text.",
                    services: [Service(id: "skype", name: "Skype", aliases: ["S"], ownership: ownership), Service(id: "bing", name: "Bing")]),
            Company(id: "c", name: ""),
        ]
        for company in companies {
            let record = FileRecord(owner: company.id, diagnostics: [], registry: RegistryRecord(), company: company)
            var writer = BinaryWriter()
            writer.fileRecord(record)
            var reader = BinaryReader(writer.bytes)
            #expect(try reader.fileRecord() == record)
            #expect(reader.isAtEnd)
        }
    }

    /// What the shared files gave reads back equal: sources, claims and evidence with every
    /// optional part set or not, and the files' record.
    @Test func sharedFilesReadBackAsWritten() throws {
        let evidence = [
            Evidence(
                id: "prism-slides", date: DataDate(year: 2013, month: 6, day: 6) ?? DataDate(year: 2013)!, title: "Slides", summary: "S.",
                program: "PRISM", companies: ["microsoft", "google"], services: ["skype"],
                bearings: [.init(claim: "no-direct-access", stance: .contradicts), .init(claim: "c2", stance: .supports)],
                collectionStarts: [.init(company: "microsoft", service: "skype", date: DataDate(year: 2011)!), .init(company: "google", date: DataDate(year: 2009)!)],
                sources: ["s1"]),
            Evidence(id: "e2", date: DataDate(year: 2014)!, title: "", summary: "", companies: [], sources: []),
        ]
        let location = SourceLocation(path: "data/sources.yaml", line: 3, column: 5)
        let shared = SharedRecord(
            sources: ["s1": Source(id: "s1", title: "T", publisher: "P", url: "https://example.org", date: DataDate(year: 2013, month: 7),
                                   archivedURL: "https://archive.example.org"),
                      "s2": Source(id: "s2", title: "", publisher: "", url: "")],
            claims: ["no-direct-access": Claim(id: "no-direct-access", label: "No direct access", description: "D."), "c2": Claim(id: "c2", label: "")],
            evidence: evidence,
            record: FileRecord(
                owner: nil, diagnostics: [Diagnostic(location, "a warning", severity: .warning)],
                registry: RegistryRecord(definitions: [.init(kind: "source", id: "s1", location: location)], incompleteKinds: ["evidence"])))
        var writer = BinaryWriter()
        writer.shared(shared)
        var reader = BinaryReader(writer.bytes)
        #expect(try reader.shared() == shared)
        #expect(reader.isAtEnd)
    }
}

