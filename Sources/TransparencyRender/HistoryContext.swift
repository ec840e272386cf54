import Templating
import TransparencyAnalysis
import TransparencyModel

/// The company report's sections on change over time: claims added and dropped, the timeline,
/// and links to each document's history page.
enum HistoryContext {
    static func values(_ report: CompanyReport, blocks: inout BlockSet) -> [String: TemplateValue] {
        let citations = report.citations
        let id = report.company.id.rawValue
        return [
            "claimChanges": .list(report.claimHistory.map { change -> TemplateValue in
                [
                    "from": .text(change.fromStatementDate?.longDescription ?? ""),
                    "to": .text(change.toStatementDate?.longDescription ?? ""),
                    "added": .text(change.added.map { "“\($0.label)”" }.joined(separator: ", ")),
                    "dropped": .text(change.dropped.map { "“\($0.label)”" }.joined(separator: ", ")),
                    "hasAdded": .bool(!change.added.isEmpty), "hasDropped": .bool(!change.dropped.isEmpty),
                ]
            }),
            "hasClaimChanges": .bool(!report.claimHistory.isEmpty),
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
}
