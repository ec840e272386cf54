import TransparencyAnalysis
import TransparencyModel

/// The Mustache context of a document's history page.
enum DocumentContext {
    static func build(_ history: DocumentHistory, company: Company, citations: CitationIndex, blocks: inout BlockSet) -> [String: Any] {
        let entries = history.entries.reversed().map { entry -> [String: Any] in
            var values: [String: Any] = [
                "date": entry.version.date.description,
                "dateLong": entry.version.date.longDescription,
                "citations": citations.numbers(of: entry.version.sources),
                "text": blocks.placeholder(for: UserMarkdownBlock(text: entry.version.text)),
            ]
            if let changes = entry.changes {
                values["changes"] = blocks.placeholder(for: DiffBlock(diff: changes))
                values["changedWords"] = changes.changedWordCount
                values["unchanged"] = changes.isIdentical
            }
            return values
        }
        return [
            "company": company.name,
            "title": history.document.title,
            "versionCount": history.entries.count,
            "versions": entries,
            "sourceList": blocks.placeholder(for: SourceList(sources: citations.sources)),
        ]
    }
}
