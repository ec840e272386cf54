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
            values["requestChart"] = blocks.placeholder(for: chart)
            values["processTable"] = blocks.placeholder(for: processTable)
        }
        if let latest = analysis.latestPeriod { values["latestPeriod"] = .text(latest.label) }
        if let latest = analysis.latestPeriod, !analysis.topJurisdictions.isEmpty {
            values["jurisdictionCount"] = .number(analysis.jurisdictionCount)
            values["topJurisdictionsTable"] = blocks.placeholder(for: topJurisdictionsTable(latest))
        }
        if !analysis.nationalSecurity.isEmpty {
            values["securityTable"] = blocks.placeholder(for: securityTable)
        }
        if analysis.figureCount > 0 {
            values["downloads"] = blocks.placeholder(for: FigureDownloads(company: company.id, count: analysis.figureCount))
        }
        return values
    }

    var chart: RequestChart {
        let first = analysis.totals.first?.period.label ?? "", last = analysis.totals.last?.period.label ?? ""
        return RequestChart(
            title: "Requests to \(company.name) for user data, \(first) to \(last)",
            totals: analysis.totals,
            markdownPath: "site/\(company.id)/requests.svg",
            caption: "Requests for user accounts under all legal processes except preservation requests and US national-security requests, summed over jurisdictions (or the publisher's worldwide total). Ranges are drawn as boxes; a dashed outline is a lower bound, where some parts were not reported. The same figures are in the table below.")
    }

    var processTable: Table {
        let processes = analysis.processes
        let rows = analysis.byProcess.map { row -> [Table.Cell] in
            [Table.Cell(row.period.shortLabel)]
                + processes.map { Table.Cell(row.byProcess[$0]?.label ?? "—") }
                + [Table.Cell("", citations: citations.numbers(of: row.sources))]
        }
        return Table(
            caption: "Requests to \(company.name) by period and legal process, all jurisdictions",
            columns: ["Period"] + processes.map(\.label) + ["Sources"],
            alignments: [.leading] + processes.map { _ in .trailing } + [.leading],
            rows: rows)
    }

    func topJurisdictionsTable(_ latest: Period) -> Table {
        let rows = analysis.topJurisdictions.map { row -> [Table.Cell] in
            [
                Table.Cell(row.jurisdiction.name), Table.Cell(row.requests.label), Table.Cell(row.accounts?.label ?? "—"),
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
