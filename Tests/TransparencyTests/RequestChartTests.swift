import Testing
@testable import TransparencyAnalysis
@testable import TransparencyRender
import TransparencyModel

/// The request chart draws each kind of total as what it is: a bar, a box for a range, a dashed
/// outline for a lower bound (some parts not reported), a mark for nothing reported.
@Suite struct RequestChartTests {
    static func total(_ half: Int, _ reported: Count?, unreported: Int = 0) -> RequestAnalysis.PeriodTotal {
        RequestAnalysis.PeriodTotal(
            period: .halfYear(year: 2013, half: half), requests: RequestTotals.Total(reported: reported, unreported: unreported), coverage: Coverage(scope: .worldwide),
            sources: [SourceID("r1")])
    }

    static let chart = RequestChart(
        title: "Requests", totals: [
            total(1, .exact(400)), total(2, .range(minimum: 0, maximum: 499)),
        ] + [
            RequestAnalysis.PeriodTotal(
                period: .year(2014), requests: RequestTotals.Total(reported: .exact(300), unreported: 2), coverage: Coverage(scope: .worldwide), sources: []),
            RequestAnalysis.PeriodTotal(period: .year(2015), requests: RequestTotals.Total(reported: nil, unreported: 1), coverage: Coverage(scope: .worldwide), sources: []),
        ],
        markdownPath: "site/acme/requests.svg", caption: "Caption")

    /// Each mark, in order: its element, its class and its title.
    static var marks: [String] {
        chart.svg(standalone: false).split(separator: "\n").filter { $0.hasPrefix("<rect") || $0.hasPrefix("<line class=\"gap\"") }.map { line in
            let element = line.hasPrefix("<rect") ? "rect" : "line"
            let kind = line.split(separator: "\"")[1]
            let title = line.split(separator: "<title>")[1].split(separator: "</title>")[0]
            return "\(element) \(kind): \(title)"
        }
    }

    @Test func eachTotalIsDrawnAsWhatItIs() {
        #expect(Self.marks == [
            "rect bar: 2013 H1 (Jan–Jun): 400",
            "rect range: 2013 H2 (Jul–Dec): 0–499",
            "rect atleast: 2014: at least 300 (2 not reported)",
            "line gap: 2015: not reported",
        ])
    }

    /// The lower bound's outline reaches the reported parts' sum, the exact bar its value: at this
    /// scale (the axis tops at 600, the plot is 228 high and ends at y = 244) 300 is at y = 130
    /// and 400 at y = 92.
    @Test func aLowerBoundReachesTheReportedParts() {
        let lines = Self.chart.svg(standalone: false).split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("<rect class=\"atleast\"") && $0.contains(" y=\"130\" ") && $0.contains(" height=\"114\"") })
        #expect(lines.contains { $0.hasPrefix("<rect class=\"bar\"") && $0.contains(" y=\"92\" ") && $0.contains(" height=\"152\"") })
    }

    @Test func theTextAlternativeSaysWhatIsALowerBound() {
        #expect(Self.chart.description == "4 periods from 2013 H1 (Jan–Jun) to 2015: 400 requests in the first, not reported in the last; "
            + "the most in 2013 H2 (Jul–Dec) (0–499). 1 period was published only as ranges, drawn as boxes from minimum to maximum. "
            + "1 period has parts not reported: drawn as dashed outlines, the total is at least the reported parts.")
    }
}
