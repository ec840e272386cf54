import TransparencyAnalysis
import TransparencyModel

/// The company report's sections on change over time: claims added and dropped, the timeline,
/// and links to each document's history page.
enum HistoryContext {
    static func values(_ report: CompanyReport, blocks: inout BlockSet) -> [String: Any] {
        let citations = report.citations
        let id = report.company.id.rawValue
        return [
            "claimChanges": report.claimHistory.map { change -> [String: Any] in
                [
                    "from": change.fromStatementDate?.longDescription ?? "",
                    "to": change.toStatementDate?.longDescription ?? "",
                    "added": change.added.map { "“\($0.label)”" }.joined(separator: ", "),
                    "dropped": change.dropped.map { "“\($0.label)”" }.joined(separator: ", "),
                    "hasAdded": !change.added.isEmpty, "hasDropped": !change.dropped.isEmpty,
                ]
            },
            "hasClaimChanges": !report.claimHistory.isEmpty,
            "timeline": report.timeline.events.map { event -> [String: Any] in
                ["date": event.date.description, "dateLong": event.date.longDescription, "kind": event.kind.rawValue,
                 "title": event.title, "citations": citations.numbers(of: event.sources)]
            },
            "documents": report.documentHistories.map { history -> [String: Any] in
                let document = history.document
                let link = PerTargetLink(
                    text: "History of \(document.title), with the changes between versions",
                    markdownTarget: "site/\(id)/documents/\(document.id)/index.html",
                    htmlTarget: "documents/\(document.id)/index.html")
                return [
                    "title": document.title,
                    "versionCount": document.versions.count,
                    "first": document.versions.first?.date.longDescription ?? "",
                    "last": document.versions.last?.date.longDescription ?? "",
                    "link": blocks.placeholder(for: link),
                    "versions": document.versions.map { version -> [String: Any] in
                        ["dateLong": version.date.longDescription, "citations": citations.numbers(of: version.sources)]
                    },
                ]
            },
            "hasDocuments": !report.documents.isEmpty,
        ]
    }
}
