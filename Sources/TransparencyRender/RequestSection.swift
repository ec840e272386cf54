import Templating
import TransparencyAnalysis
import TransparencyModel

/// The request-figures part of a company report's context: the chart, the tables by period and
/// legal process, the top jurisdictions of the latest period, and the national-security bands.
struct RequestSection {
    let company: Company
    let analysis: RequestAnalysis
    let citations: CitationIndex

    func values(blocks: inout BlockSet) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = ["hasRequests": .bool(!analysis.totals.isEmpty || !analysis.nationalSecurity.isEmpty)]
        if !analysis.totals.isEmpty {
            values["processTable"] = blocks.placeholder(for: processTable)
        }
        let charts = self.charts
        if !charts.isEmpty { values["requestCharts"] = .list(charts.map { blocks.placeholder(for: $0) }) }
        if analysis.series.count > 1 {
            values["seriesNote"] = .text(
                "These figures do not all cover the same thing (\(analysis.series.map(\.coverage.seriesLabel).joined(separator: "; "))): "
                    + "they are never bars of one chart, and the table says what each period's total covers.")
        }
        if let latest = analysis.latestPeriod { values["latestPeriod"] = .text(latest.label) }
        if let latest = analysis.latestPeriod, !analysis.topJurisdictions.isEmpty {
            values["jurisdictionCount"] = .number(analysis.jurisdictionCount)
            values["topJurisdictionsTable"] = blocks.placeholder(for: topJurisdictionsTable(latest))
        }
        if !analysis.nationalSecurity.isEmpty {
            values["securityTable"] = blocks.placeholder(for: securityTable)
        }
        if !analysis.notes.isEmpty {
            values["hasFigureNotes"] = .bool(true)
            values["figureNotes"] = .list(analysis.notes.map { note -> TemplateValue in
                ["text": .text(note.text), "figures": .text(note.figuresPhrase), "citations": .numbers(citations.numbers(of: note.sources))]
            })
        }
        if analysis.figureCount > 0 {
            values["downloads"] = blocks.placeholder(for: FigureDownloads(company: company.id, count: analysis.figureCount))
        }
        return values
    }

    /// A chart for each series of alike figures with more than one period: figures that cover
    /// different things are never bars of one chart, and one bar shows nothing over time.
    var charts: [RequestChart] {
        analysis.series.filter { $0.totals.count > 1 }.enumerated().map { number, series in
            let first = series.totals.first?.period.label ?? "", last = series.totals.last?.period.label ?? ""
            let suffix = number == 0 ? "" : "-\(number + 1)"
            return RequestChart(
                title: "Requests to \(company.name) for user data, \(first) to \(last) (\(series.coverage.seriesLabel))",
                totals: series.totals,
                markdownPath: "site/\(company.id)/requests\(suffix).svg",
                caption: "All requests (legal process and emergency requests; not preservation or US national-security requests), "
                    + "\(series.coverage.seriesLabel). Ranges are drawn as boxes; a dashed outline is a lower bound, where some parts were not reported. The same figures are in the table below.",
                id: "requests-chart\(suffix)")
        }
    }

    var processTable: Table {
        let processes = analysis.processes
        let rows = analysis.byProcess.map { row -> [Table.Cell] in
            let coverage = row.byProcess[.all]?.coverage
            return [Table.Cell(row.period.shortLabel), Table.Cell(coverage?.label ?? "—")]
                + processes.map { process in Table.Cell(row.byProcess[process].map { Self.text($0, of: process, beside: coverage) } ?? "—") }
                + [Table.Cell("", citations: citations.numbers(of: row.sources))]
        }
        return Table(
            caption: "Requests to \(company.name) by period and legal process",
            columns: ["Period", "Covers"] + processes.map(\.label) + ["Sources"],
            alignments: [.leading, .leading] + processes.map { _ in .trailing } + [.leading],
            rows: rows)
    }

    /// A sum's label, and in brackets how it differs from its row's `coverage`: what it covers
    /// when that is less ("United States only", "3 of 63 countries"; for a process outside the
    /// total, such as preservation, "49 countries", whose countries may differ), how it was
    /// obtained when it is one jurisdiction's sum ("sum of 6 processes").
    static func text(_ sum: HierarchySum, of process: LegalProcess = .all, beside coverage: Coverage?) -> String {
        let note: String?
        switch (sum.coverage.scope, coverage?.scope) {
        case (let scope, let row) where scope == row:
            switch sum.derivation {
            // A lower bound ("at least …") already says that parts are missing.
            case .processes(1) where sum.total.unreported > 0: note = nil
            case .processes, .categories: note = sum.derivation.label
            case .published, .countries: note = nil
            }
        case (.countries(let count), .countries(let all)?) where process.parent != nil:
            note = "\(count) of \(all) countries"
        case (.countries(let count), _): note = "\(count) countries"
        case (.country(let jurisdiction), _): note = "\(jurisdiction.name) only"
        default: note = sum.coverage.label
        }
        return note.map { "\(sum.total.label) (\($0))" } ?? sum.total.label
    }

    func topJurisdictionsTable(_ latest: Period) -> Table {
        let rows = analysis.topJurisdictions.map { row -> [Table.Cell] in
            [
                Table.Cell(row.jurisdiction.name), Table.Cell(Self.text(row.requests, beside: row.requests.coverage)),
                Table.Cell(row.accounts.map { Self.text($0, beside: $0.coverage) } ?? "—"),
                Table.Cell(row.percentWithData.map { FigureValue.percentage($0).label } ?? "—"),
                Table.Cell("", citations: citations.numbers(of: row.sources)),
            ]
        }
        let shown = analysis.topJurisdictions.count
        return Table(
            caption: "The \(shown) jurisdictions with the most requests to \(company.name), \(latest.label)",
            columns: ["Jurisdiction", "Requests", "Accounts specified", "Share with some data produced", "Sources"],
            alignments: [.leading, .trailing, .trailing, .trailing, .leading],
            rows: rows)
    }

    var securityTable: Table {
        let processes = analysis.securityProcesses
        let rows = analysis.nationalSecurity.map { row -> [Table.Cell] in
            [Table.Cell(row.period.shortLabel)]
                + processes.map { process in
                    guard let requests = row.requests[process] else { return Table.Cell("—") }
                    let accounts = row.accounts[process].map { "; accounts \($0.label)" } ?? ""
                    return Table.Cell("requests \(requests.label)\(accounts)")
                }
                + [Table.Cell(row.regimes.isEmpty ? "—" : row.regimes.map(\.label).joined(separator: "; ")),
                   Table.Cell("", citations: citations.numbers(of: row.sources))]
        }
        return Table(
            caption: "US national-security requests to \(company.name), as published in bands",
            columns: ["Period"] + processes.map(\.label) + ["Published under", "Sources"],
            rows: rows)
    }
}
