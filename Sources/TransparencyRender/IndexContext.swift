import Templating
import TransparencyAnalysis
import TransparencyModel

/// The Mustache context of the site's front page.
enum IndexContext {
    static func build(_ entries: [(company: Company, summary: CompanySummary)], title: String, blocks: inout BlockSet) -> [String: TemplateValue] {
        let rows = entries.map { company, summary -> [Table.Cell] in
            var span = "—"
            if let first = summary.firstStatement, let last = summary.lastStatement {
                span = first == last ? first.description : "\(first) to \(last)"
            }
            return [
                Table.Cell(company.name),
                Table.Cell(String(summary.statementCount)),
                Table.Cell(span),
                Table.Cell(String(summary.challengingCount)),
                Table.Cell(summary.latestPeriod?.label ?? "—"),
            ]
        }
        let table = Table(
            caption: "Companies in this dataset",
            columns: ["Company", "Statements", "Statement dates", "Evidence challenging a claim", "Latest request figures"],
            alignments: [.leading, .trailing, .leading, .trailing, .leading],
            rows: rows)
        return [
            "title": .text(title),
            "companies": .list(entries.map { company, summary -> TemplateValue in
                [
                    "id": .text(company.id.rawValue), "name": .text(company.name),
                    "statements": .text(Wording.count(summary.statementCount, "statement")),
                    "evidence": .text(Wording.count(summary.evidenceCount, "evidence item")),
                ]
            }),
            "overview": blocks.placeholder(for: table),
        ]
    }
}
