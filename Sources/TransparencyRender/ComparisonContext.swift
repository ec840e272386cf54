import Templating
import TransparencyAnalysis
import TransparencyModel

/// The Mustache context of a comparison page: companies side by side for one period, in one
/// table per kind of coverage: worldwide figures and sums of countries together, each country
/// alone (and with national-security requests counted in or not) in a table of its own.
enum ComparisonContext {
    static func build(_ comparison: PeriodComparison, blocks: inout BlockSet) -> TemplateValue {
        var groups: [(title: String?, rows: [PeriodComparison.Row])] = []
        for row in comparison.rows {
            let title = row.line.coverage.flatMap { coverage -> String? in
                guard case .country = coverage.scope else { return nil }
                return coverage.label
            }
            if let index = groups.firstIndex(where: { $0.title == title }) {
                groups[index].rows.append(row)
            } else {
                groups.append((title, [row]))
            }
        }
        groups.sort { ($0.title == nil ? 0 : 1, $0.title ?? "") < ($1.title == nil ? 0 : 1, $1.title ?? "") }
        let tables = groups.map { group in
            table(group.rows, comparison: comparison, caption: "Requests by company, \(comparison.period.label)" + (group.title.map { ": \($0)" } ?? ""))
        }
        return [
            "period": .text(comparison.period.label),
            "tables": .list(tables.map { blocks.placeholder(for: $0) }),
            "sourceList": blocks.placeholder(for: SourceList(sources: comparison.citations.sources)),
        ]
    }

    private static func table(_ rows: [PeriodComparison.Row], comparison: PeriodComparison, caption: String) -> Table {
        let security = comparison.securityProcesses
        let cells = rows.map { row -> [Table.Cell] in
            [Table.Cell(row.company.name), Table.Cell(row.line.coverage?.label ?? "—"),
             Table.Cell(row.line.requests?.label ?? "—"), Table.Cell(row.line.accounts?.label ?? "—")]
                + security.map { Table.Cell(row.line.nationalSecurity[$0]?.label ?? "—") }
                + [Table.Cell("", citations: comparison.citations.numbers(of: row.line.sources))]
        }
        return Table(
            caption: caption,
            columns: ["Company", "Covers", "Requests", "Accounts specified"] + security.map { "\($0.label) (band)" } + ["Sources"],
            alignments: [.leading, .leading, .trailing, .trailing] + security.map { _ in .trailing } + [.leading],
            rows: cells)
    }
}
