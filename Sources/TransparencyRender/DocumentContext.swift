import Templating
import TransparencyAnalysis
import TransparencyModel

/// The Mustache context of a document's history page.
enum DocumentContext {
    static func build(_ history: DocumentHistory, company: Company, citations: CitationIndex, blocks: inout BlockSet) -> TemplateValue {
        let entries = history.entries.reversed().map { entry -> TemplateValue in
            var values: [String: TemplateValue] = [
                "date": .text(entry.version.date.description),
                "dateLong": .text(entry.version.date.longDescription),
                "citations": .numbers(citations.numbers(of: entry.version.sources)),
                "text": blocks.placeholder(for: UserMarkdownBlock(text: entry.version.text)),
            ]
            if let changes = entry.changes {
                values["changes"] = blocks.placeholder(for: DiffBlock(diff: changes))
                values["changedWords"] = .number(changes.changedWordCount)
                values["unchanged"] = .bool(changes.isIdentical)
            }
            return .object(values)
        }
        return [
            "company": .text(company.name),
            "title": .text(history.document.title),
            "versionCount": .number(history.entries.count),
            "versions": .list(entries),
            "sourceList": blocks.placeholder(for: SourceList(sources: citations.sources)),
        ]
    }
}
