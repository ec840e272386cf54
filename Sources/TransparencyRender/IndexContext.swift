import TransparencyAnalysis
import TransparencyModel

/// The Mustache context of the site's front page.
enum IndexContext {
    static func build(_ reports: [CompanyReport], title: String, blocks: inout BlockSet) -> [String: Any] {
        let rows = reports.map { report -> [Table.Cell] in
            let span = report.statementSpan.map { $0.first == $0.last ? $0.first.description : "\($0.first) to \($0.last)" } ?? "—"
            return [
                Table.Cell(report.company.name),
                Table.Cell(String(report.statements.count)),
                Table.Cell(span),
                Table.Cell(String(report.contradictingEvidence.count)),
                Table.Cell(report.requests.latestPeriod?.label ?? "—"),
            ]
        }
        let table = Table(
            caption: "Companies in this dataset",
            columns: ["Company", "Statements", "Statement dates", "Evidence contradicting a claim", "Latest request figures"],
            alignments: [.leading, .trailing, .leading, .trailing, .leading],
            rows: rows)
        return [
            "title": title,
            "companies": reports.map { report -> [String: Any] in
                [
                    "id": report.company.id.rawValue, "name": report.company.name,
                    "statements": Wording.count(report.statements.count, "statement"),
                    "evidence": Wording.count(report.evidence.count, "evidence item"),
                ]
            },
            "overview": blocks.placeholder(for: table),
        ]
    }
}
