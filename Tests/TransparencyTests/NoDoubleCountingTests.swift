import Testing
@testable import TransparencyAnalysis
import TransparencyModel

/// A property of every total `RequestHierarchy` makes, over random hierarchies of totals and
/// parts with gaps, ranges, not-reported values, categories and worldwide figures: no figure
/// is counted twice, no total is counted with one of its own parts, the sum is the sum of the
/// figures counted, and it is never more than the requests it covers.
@Suite struct NoDoubleCountingTests {
    /// A small random generator with a fixed seed, so that a failure repeats.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
    }

    /// The processes of the hierarchy, and the leaves whose requests are made up.
    static let leaves: [LegalProcess] = [.subpoena, .searchWarrant, .courtOrder, .other, .emergency]
    static let countries = ["US", "GB", "DE"].map { Jurisdiction(code: $0)! }

    /// One random period: true leaf values per country (court orders in two categories), and
    /// figures published for a random selection of nodes, as exact values, bands holding the
    /// true value, or "not reported". Returns the figures and each node's true value per country.
    static func period(_ random: inout Random) -> (figures: [RequestFigure], truth: [Jurisdiction: [LegalProcess: Int]]) {
        var figures: [RequestFigure] = []
        var truth: [Jurisdiction: [LegalProcess: Int]] = [:]
        func publish(_ jurisdiction: Jurisdiction, _ process: LegalProcess, _ label: String?, _ value: Int) {
            let count: Count = switch random.next(4) {
            case 0: .notReported
            case 1: .range(minimum: value - value % 500, maximum: value - value % 500 + 499)
            default: .exact(value)
            }
            figures.append(RequestFigure(
                company: CompanyID("acme"), period: .halfYear(year: 2020, half: 1), jurisdiction: jurisdiction, process: process,
                publishedAs: label, measure: .requests, value: .count(count), sources: [SourceID("s")]))
        }
        for country in countries {
            var values: [LegalProcess: Int] = [:]
            for leaf in leaves {
                if leaf == .courtOrder {
                    let categories = [random.next(3000), random.next(3000)]
                    values[leaf] = categories.reduce(0, +)
                    if random.chance(50) { publish(country, leaf, "Court Order (Other)", categories[0]) }
                    if random.chance(50) { publish(country, leaf, "Court Order (2703(d))", categories[1]) }
                } else {
                    values[leaf] = random.next(5000)
                }
            }
            values[.legalProcess] = LegalProcess.legalProcess.children.compactMap { values[$0] }.reduce(0, +)
            values[.all] = values[.legalProcess]! + values[.emergency]!
            // In vocabulary order, so that the same seed draws the same figures.
            for (process, value) in values.sorted(by: { $0.key < $1.key }) where random.chance(40) { publish(country, process, nil, value) }
            truth[country] = values
        }
        if random.chance(30) {
            var world: [LegalProcess: Int] = [:]
            for process in truth[countries[0]]!.keys { world[process] = countries.map { truth[$0]![process]! }.reduce(0, +) }
            for (process, value) in world.sorted(by: { $0.key < $1.key }) where random.chance(50) { publish(.world, process, nil, value) }
        }
        return (figures, truth)
    }

    /// Whether `ancestor` is `process` or holds it, directly or through other totals.
    static func holds(_ ancestor: LegalProcess, _ process: LegalProcess) -> Bool {
        var current: LegalProcess? = process
        while let step = current {
            if step == ancestor { return true }
            current = step.parent
        }
        return false
    }

    @Test func noTotalCountsAnyFigureTwice() {
        var random = Random(state: 2013)
        var checked = 0, summedOverCountries = 0, fromWorld = 0, withRanges = 0
        for _ in 0..<2000 {
            let (figures, truth) = Self.period(&random)
            let hierarchy = RequestHierarchy(figures: figures, indices: figures.indices)
            let totals = hierarchy.totals(.requests)
            for process in [LegalProcess.all, .legalProcess, .courtOrder, .emergency] {
                guard let sum = totals[process.declarationIndex] else { continue }
                checked += 1
                let counted = sum.counted.map { figures[$0] }
                #expect(Set(sum.counted).count == sum.counted.count, "a figure counted twice")
                #expect(counted.allSatisfy { $0.jurisdiction == .world } || counted.allSatisfy { $0.jurisdiction != .world })
                for (a, first) in counted.enumerated() {
                    for second in counted[(a + 1)...] where first.jurisdiction == second.jurisdiction {
                        let nested = Self.holds(first.process, second.process) || Self.holds(second.process, first.process)
                        let categories = first.process == second.process && first.publishedAs != nil && second.publishedAs != nil
                            && first.publishedAs != second.publishedAs
                        #expect(!nested || categories, "\(first.process) counted with \(second.process) in \(first.jurisdiction)")
                    }
                }
                var minimum = 0, maximum = 0, unreported = 0
                for figure in counted {
                    guard case .count(let count) = figure.value, let low = count.minimum, let high = count.maximum else {
                        unreported += 1
                        continue
                    }
                    minimum += low
                    maximum += high
                }
                #expect(sum.total.unreported == unreported)
                #expect(sum.total.reported?.minimum == (unreported == counted.count ? nil : minimum))
                #expect(sum.total.reported?.maximum == (unreported == counted.count ? nil : maximum))
                let covered = counted.first?.jurisdiction == .world ? Self.countries : Array(Set(counted.map(\.jurisdiction)))
                let trueValue = covered.map { truth[$0]![process]! }.reduce(0, +)
                #expect(minimum <= trueValue, "\(process): at least \(minimum) counted where there were \(trueValue)")
                if counted.first?.jurisdiction == .world { fromWorld += 1 } else if Set(counted.map(\.jurisdiction)).count > 1 { summedOverCountries += 1 }
                if case .range? = sum.total.reported { withRanges += 1 }
            }
        }
        // The generator reaches each kind of case many times.
        #expect(checked > 5000 && summedOverCountries > 1000 && fromWorld > 300 && withRanges > 1000, "\(checked) \(summedOverCountries) \(fromWorld) \(withRanges)")
    }
}
