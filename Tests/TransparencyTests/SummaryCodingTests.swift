import Foundation
import Testing
@testable import TransparencyAnalysis
import TransparencyModel

/// A company summary kept in a build's cache reads back as it was written.
@Suite struct SummaryCodingTests {
    @Test func randomSummariesReadBackAsWritten() throws {
        var state: UInt64 = 11
        func random(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        func count() -> Count {
            switch random(3) {
            case 0: .exact(random(100_000))
            case 1: .range(minimum: random(1000), maximum: 1000 + random(1000))
            default: .notReported
            }
        }
        func total() -> RequestTotals.Total? {
            random(4) == 0 ? nil : RequestTotals.Total(reported: random(3) == 0 ? nil : count(), unreported: random(3))
        }
        func coverage() -> Coverage? {
            let scope: Coverage.Scope = switch random(4) {
            case 0: .worldwide
            case 1: .countries(2 + random(200))
            case 2: .country(Jurisdiction(code: ["US", "GB", "DE"][random(3)])!)
            default: .country(Jurisdiction(code: "FR")!)
            }
            return random(5) == 0 ? nil
                : Coverage(scope: scope, subject: RequestSubject.allCases[random(3)], includesNationalSecurity: random(2) == 0)
        }
        for index in 0..<200 {
            var rows: [Period: CompanySummary.ComparisonLine] = [:]
            for _ in 0..<random(6) {
                let period: Period = random(3) == 0 ? .year(2000 + random(30)) : .halfYear(year: 2000 + random(30), half: 1 + random(2))
                let processes = LegalProcess.allCases.shuffled().prefix(random(3))
                rows[period] = CompanySummary.ComparisonLine(
                    requests: total(), accounts: total(), coverage: coverage(),
                    nationalSecurity: Dictionary(uniqueKeysWithValues: processes.map { ($0, count()) }),
                    sources: (0..<random(3)).map { SourceID("source-\($0 + index)") })
            }
            let summary = CompanySummary(
                company: CompanyID("c\(index)"), statementCount: random(50), firstStatement: DataDate(year: 2013, month: 1 + random(12)),
                lastStatement: random(2) == 0 ? nil : DataDate(year: 2014, month: 2, day: 1 + random(28)), evidenceCount: random(9),
                challengingCount: random(3), latestPeriod: rows.keys.max(), figureCount: random(10_000), comparisonRows: rows)
            let data = try JSONEncoder().encode(summary)
            #expect(try JSONDecoder().decode(CompanySummary.self, from: data) == summary, "\(String(decoding: data, as: UTF8.self))")
        }
    }

    @Test func aDamagedLineIsAnError() throws {
        let good = "c;0;;;0;0;;0 2013-H1;1/0|~|countries-3:accounts:0|nsl=5|s"
        #expect(try JSONDecoder().decode(CompanySummary.self, from: JSONEncoder().encode(good)).comparisonRows.count == 1)
        let damaged = good.replacingOccurrences(of: "nsl=5", with: "nsl=x")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CompanySummary.self, from: JSONEncoder().encode(damaged)) }
        for coverage in ["countries-1:accounts:0", "WORLD:accounts:0", "world:phones:0", "world:accounts:2", "world:accounts"] {
            let damaged = good.replacingOccurrences(of: "countries-3:accounts:0", with: coverage)
            #expect(throws: DecodingError.self, "\(coverage)") {
                try JSONDecoder().decode(CompanySummary.self, from: JSONEncoder().encode(damaged))
            }
        }
    }
}
