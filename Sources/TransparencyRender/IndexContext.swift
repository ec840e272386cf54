import TransparencyAnalysis
import TransparencyModel

/// The Mustache context of the site's front page.
enum IndexContext {
    static func build(_ entries: [(company: Company, summary: CompanySummary)], title: String, blocks: inout BlockSet) -> [String: Any] {
        let rows = entries.map { company, summary -> [Table.Cell] in
            var span = "—"
            if let first = summary.firstStatement, let last = summary.lastStatement {
                span = first == last ? first.description : "\(first) to \(last)"
            }
            return [
                Table.Cell(company.name),
                Table.Cell(String(summary.statementCount)),
                Table.Cell(span),
                Table.Cell(String(summary.contradictingCount)),
                Table.Cell(summary.latestPeriod?.label ?? "—"),
            ]
        }
        let table = Table(
            caption: "Companies in this dataset",
            columns: ["Company", "Statements", "Statement dates", "Evidence contradicting a claim", "Latest request figures"],
            alignments: [.leading, .trailing, .leading, .trailing, .leading],
            rows: rows)
        return [
            "title": title,
            "companies": entries.map { company, summary -> [String: Any] in
                [
                    "id": company.id.rawValue, "name": company.name,
                    "statements": Wording.count(summary.statementCount, "statement"),
                    "evidence": Wording.count(summary.evidenceCount, "evidence item"),
                ]
            },
            "overview": blocks.placeholder(for: table),
        ]
    }
}
