import Templating
import TransparencyAnalysis
import TransparencyModel

/// The company report's sections on change over time: when each claim was first and last made,
/// the timeline, and links to each document's history page.
enum HistoryContext {
    static func values(_ report: CompanyReport, blocks: inout BlockSet) -> [String: TemplateValue] {
        let citations = report.citations
        let id = report.company.id.rawValue
        return [
            "claimTable": report.claimRecords.isEmpty ? .bool(false) : blocks.placeholder(for: claimTable(report)),
            "timeline": .list(report.timeline.events.map { event -> TemplateValue in
                ["date": .text(event.date.description), "dateLong": .text(event.date.longDescription), "kind": .text(event.kind.rawValue),
                 "title": .text(event.title), "citations": .numbers(citations.numbers(of: event.sources))]
            }),
            "documents": .list(report.documents.map { document -> TemplateValue in
                let link = PerTargetLink(
                    text: "History of \(document.title), with the changes between versions",
                    markdownTarget: "site/\(id)/documents/\(document.id)/index.html",
                    htmlTarget: "documents/\(document.id)/index.html")
                return [
                    "title": .text(document.title),
                    "versionCount": .number(document.versions.count),
                    "first": .text(document.versions.first?.date.longDescription ?? ""),
                    "last": .text(document.versions.last?.date.longDescription ?? ""),
                    "link": blocks.placeholder(for: link),
                    "versions": .list(document.versions.map { version -> TemplateValue in
                        ["dateLong": .text(version.date.longDescription), "citations": .numbers(citations.numbers(of: version.sources))]
                    }),
                ]
            }),
            "hasDocuments": .bool(!report.documents.isEmpty),
        ]
    }

    /// Each claim with the dates it was first and last made, and what became of it.
    static func claimTable(_ report: CompanyReport) -> Table {
        Table(
            caption: "Claims \(report.company.name) made, first and last stated",
            columns: ["Claim", "First stated", "Last stated", "Statements", "Since"],
            alignments: [.leading, .leading, .leading, .trailing, .leading],
            rows: report.claimRecords.map { record in
                [Table.Cell(record.claim.label), Table.Cell(record.first.longDescription), Table.Cell(record.last.longDescription),
                 Table.Cell(String(record.statementCount)), Table.Cell(record.status)]
            })
    }
}
