import Foundation
import Testing
import TransparencyModel

@Suite struct ModelTests {
    @Test func datesParseOnlyRealDays() {
        #expect(DataDate(parsing: "2013-07-11")?.description == "2013-07-11")
        #expect(DataDate(parsing: "2012-10")?.longDescription == "October 2012")
        #expect(DataDate(parsing: "2012-02-29") != nil)
        for bad in ["2013-02-29", "2013-13-01", "2013-7-11", "13-07-11", "2013-07-11T00:00", "", "2013-00"] {
            #expect(DataDate(parsing: bad) == nil, "\(bad)")
        }
    }

    /// Dates are kept packed in one number: every part survives, and they order as the tuple
    /// (year, month or 0, day or 0) does, over random dates of each precision.
    @Test func packedDatesKeepTheirPartsAndOrder() {
        var generator = SystemRandomNumberGenerator()
        func random() -> DataDate {
            let year = Int.random(in: 1...9999, using: &generator)
            let month: Int? = Bool.random(using: &generator) ? Int.random(in: 1...12, using: &generator) : nil
            let day: Int? = month.flatMap { month in
                Bool.random(using: &generator) ? Int.random(in: 1...DataDate.daysIn(month: month, year: year), using: &generator) : nil
            }
            return DataDate(year: year, month: month, day: day) ?? DataDate(year: year)!
        }
        for _ in 0..<2000 {
            let a = random(), b = random()
            #expect(DataDate(parsing: a.description) == a)
            #expect((a < b) == ((a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)), "\(a) \(b)")
            #expect((a == b) == (a.description == b.description))
        }
    }

    /// Jurisdictions are kept as their code's bytes in one number: every assigned code and
    /// `WORLD` read back, nothing else is accepted, `WORLD` sorts first and the others by code,
    /// and each has its own table index.
    @Test func packedJurisdictionsKeepTheirCodesAndOrder() throws {
        var all: [Jurisdiction] = [.world]
        for first in UInt8(ascii: "A")...UInt8(ascii: "Z") {
            for second in UInt8(ascii: "A")...UInt8(ascii: "Z") {
                let code = String(decoding: [first, second], as: UTF8.self)
                let jurisdiction = Jurisdiction(code: code)
                #expect((jurisdiction != nil) == Jurisdiction.knownNames.contains { Jurisdiction(name: $0)?.code == code }, "\(code)")
                if let jurisdiction {
                    #expect(jurisdiction.code == code)
                    all.append(jurisdiction)
                }
            }
        }
        #expect(all.count > 240)
        for bad in ["", "U", "us", "USA", "WORLDS", "WORL", "U1", "ÜS"] { #expect(Jurisdiction(code: bad) == nil, "\(bad)") }
        #expect(Jurisdiction(code: "WORLD") == .world)
        #expect(all.shuffled().sorted() == all)
        #expect(Set(all).count == all.count)
    }

    @Test func periodsParseAndOrder() throws {
        let h1 = try #require(Period(parsing: "2013-H1"))
        let range = try #require(Period(parsing: "2012-12-01..2013-05-31"))
        #expect(h1.end.description == "2013-06-30")
        #expect(range.label == "1 December 2012 – 31 May 2013")
        #expect(range < h1)
        #expect(Period(parsing: "2013-H3") == nil)
        #expect(Period(parsing: "2013-05-31..2012-12-01") == nil)
    }

    @Test func publishedCounts() throws {
        func count(_ text: String) -> Count? { try? PublishedValueParser.count(text).get() }
        #expect(count("7458") == .exact(7458))
        #expect(count("13,255 - 13,499") == .range(minimum: 13255, maximum: 13499))
        #expect(count(" -") == .notReported)
        #expect(count("") == .notReported)
        #expect(count("<10") == .range(minimum: 1, maximum: 9))
        #expect(count("6–499") == .range(minimum: 6, maximum: 499))
        for bad in ["12,5x", "1,23", "500-499", "84%", "1.5", "--"] {
            #expect(count(bad) == nil, "\(bad)")
        }
        #expect(try PublishedValueParser.percentage("72%").get() == 72)
    }

    /// Property: a sum's bounds are the sums of the bounds; not reported absorbs everything.
    @Test func sumsOfRangesAreRanges() {
        var generator = SeededGenerator(seed: 42)
        func random() -> Count {
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: return .exact(Int.random(in: 0...10_000, using: &generator))
            case 1:
                let low = Int.random(in: 0...10_000, using: &generator)
                return .range(minimum: low, maximum: low + Int.random(in: 1...999, using: &generator))
            default: return .notReported
            }
        }
        for _ in 0..<2_000 {
            let a = random(), b = random()
            let sum = a + b
            if a == .notReported || b == .notReported {
                #expect(sum == .notReported)
            } else {
                #expect(sum.minimum == (a.minimum ?? 0) + (b.minimum ?? 0))
                #expect(sum.maximum == (a.maximum ?? 0) + (b.maximum ?? 0))
            }
            #expect(a + b == b + a)
        }
    }

    @Test func vocabulariesCompareInDeclarationOrder() {
        for (index, process) in LegalProcess.allCases.enumerated() {
            #expect(process.declarationIndex == index)
            for other in LegalProcess.allCases { #expect((process < other) == (index < other.declarationIndex)) }
        }
        for (index, measure) in Measure.allCases.enumerated() {
            #expect(measure.declarationIndex == index)
            for other in Measure.allCases { #expect((measure < other) == (index < other.declarationIndex)) }
        }
    }

    @Test func groupedNumbers() {
        #expect(Count.grouped(1_234_567) == "1,234,567")
        #expect(Count.grouped(999) == "999")
        #expect(Count.range(minimum: 0, maximum: 499).label == "0–499")
    }
}

@Suite struct FigureKeyOrderTests {
    /// `keyPrecedes` orders figures exactly as their keys do.
    @Test func keyPrecedesAgreesWithTheKeyOrder() {
        var state: UInt64 = 11
        func pick<T>(_ values: [T]) -> T {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return values[Int(state >> 33) % values.count]
        }
        func figure() -> RequestFigure {
            RequestFigure(
                company: CompanyID("acme"),
                period: pick([.halfYear(year: 2013, half: 1), .halfYear(year: 2013, half: 2), .year(2013)]),
                jurisdiction: pick([Jurisdiction.world, Jurisdiction(code: "US") ?? .world, Jurisdiction(code: "DE") ?? .world]),
                process: pick([.all, .subpoena, .nationalSecurityLetter]), publishedAs: pick([nil, "", "Orders", "Court"]),
                subject: pick([.accounts, .devices]), measure: pick([.requests, .accounts]), value: .count(.exact(1)),
                sources: [SourceID("s")])
        }
        var before = 0, after = 0
        for _ in 0..<5000 {
            let a = figure(), b = figure()
            #expect(a.keyPrecedes(b) == (a.key < b.key))
            if a.keyPrecedes(b) { before += 1 } else if b.keyPrecedes(a) { after += 1 }
        }
        #expect(before > 1000 && after > 1000)
    }
}

@Suite struct CountryNameTests {
    /// Every short name finds its code, and so do the publishers' other names.
    @Test func namesAndAliasesFindTheirCodes() {
        #expect(Jurisdiction.knownNames.count > 250)
        for name in Jurisdiction.knownNames {
            #expect(Jurisdiction(name: name)?.name == name, "\(name)")
        }
        #expect(Jurisdiction(name: "United States of America")?.code == "US")
        #expect(Jurisdiction(name: "China mainland")?.code == "CN")
        #expect(Jurisdiction(name: "Türkiye")?.code == "TR")
        #expect(Jurisdiction(name: "Russia")?.code == "RU")
        #expect(Jurisdiction(name: "Atlantis") == nil)
    }
}

/// Parallel maps give what the same work gives run one piece after another: each result in
/// its place, each piece run exactly once, however they nest.
@Suite struct ParallelTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    /// Every item of a long map is transformed exactly once and its result lands in its place.
    @Test func mapGivesEveryItemOnceInOrder() {
        let items = Array(0..<5_000)
        let runs = (0..<items.count).map { _ in Counter() }
        let results = parallelMap(items) { item -> String in
            runs[item].add()
            return "item \(item)"
        }
        #expect(results == items.map { "item \($0)" })
        #expect(runs.allSatisfy { $0.value == 1 })
        #expect(parallelMap([Int]()) { $0 }.isEmpty)
        #expect(parallelMap([7]) { $0 * 2 } == [14])
    }

    /// Maps inside maps, as a build nests them: every item is mapped once, in its place.
    @Test func nestedMapsGiveEveryItemOnceInItsPlace() {
        for round in 0..<20 {
            let runs = Counter()
            let rows = parallelMap(Array(0..<(10 + round))) { row -> [Int] in
                runs.add()
                return parallelMap(Array(0..<7)) { row * 100 + $0 } + parallelMap([row]) { -$0 }
            }
            #expect(rows == (0..<(10 + round)).map { row in (0..<7).map { row * 100 + $0 } + [-row] })
            #expect(runs.value == 10 + round)
        }
    }

    /// Random trees of maps, their leaves taking random short times, compute what
    /// the same trees compute one piece after another: whatever the timing, every piece runs
    /// once and every result lands in its place.
    @Test func randomNestingGivesWhatSequentialWorkGives() {
        indirect enum Work: Sendable {
            case leaf(Int, sleep: UInt32)
            case map([Work])
        }
        func random(_ depth: Int, _ generator: inout SystemRandomNumberGenerator) -> Work {
            guard depth > 0, Int.random(in: 0..<4, using: &generator) > 0 else {
                return .leaf(Int.random(in: 0..<1000, using: &generator), sleep: UInt32.random(in: 0..<40, using: &generator))
            }
            return .map((0..<Int.random(in: 0..<6, using: &generator)).map { _ in random(depth - 1, &generator) })
        }
        @Sendable func run(_ work: Work, parallel: Bool) -> [Int] {
            switch work {
            case .leaf(let value, let sleep):
                if parallel, sleep > 0 { usleep(sleep) }
                return [value]
            case .map(let items):
                return (parallel ? parallelMap(items) { run($0, parallel: true) } : items.map { run($0, parallel: false) }).flatMap { $0 }
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<150 {
            let work = random(4, &generator)
            #expect(run(work, parallel: true) == run(work, parallel: false))
        }
    }
}
