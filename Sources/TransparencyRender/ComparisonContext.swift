import Templating
import TransparencyAnalysis
import TransparencyModel

/// The Mustache context of a comparison page: companies side by side for one period.
enum ComparisonContext {
    static func build(_ comparison: PeriodComparison, blocks: inout BlockSet) -> TemplateValue {
        let security = comparison.securityProcesses
        let rows = comparison.rows.map { row -> [Table.Cell] in
            [Table.Cell(row.company.name), Table.Cell(row.line.requests?.label ?? "—"), Table.Cell(row.line.accounts?.label ?? "—")]
                + security.map { Table.Cell(row.line.nationalSecurity[$0]?.label ?? "—") }
                + [Table.Cell("", citations: comparison.citations.numbers(of: row.line.sources))]
        }
        let table = Table(
            caption: "Requests by company, \(comparison.period.label)",
            columns: ["Company", "Requests", "Accounts specified"] + security.map { "\($0.label) (band)" } + ["Sources"],
            alignments: [.leading, .trailing, .trailing] + security.map { _ in .trailing } + [.leading],
            rows: rows)
        return [
            "period": .text(comparison.period.label),
            "table": blocks.placeholder(for: table),
            "sourceList": blocks.placeholder(for: SourceList(sources: comparison.citations.sources)),
        ]
    }
}
