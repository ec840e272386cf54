import TransparencyAnalysis
import TransparencyModel

/// The Mustache context of a company report: plain dictionaries, arrays and strings, with tables
/// and the source list as block placeholders. Data is escaped by the template's content type.
struct CompanyContext {
    let report: CompanyReport
    var blocks = BlockSet()

    init(report: CompanyReport) { self.report = report }

    mutating func build() -> [String: Any] {
        let company = report.company
        let citations = report.citations
        var context: [String: Any] = [
            "id": company.id.rawValue,
            "name": company.name,
            "aliases": company.aliases.joined(separator: ", "),
            "hasAliases": !company.aliases.isEmpty,
            "statementCount": report.statements.count,
            "evidenceCount": report.evidence.count,
            "contradictingCount": report.contradictingEvidence.count,
            "statements": report.statements.map { statement($0, citations) },
            "evidence": report.evidence.map { evidence($0, citations) },
            "collectionStarts": report.collectionStarts.map { collectionStart($0, citations) },
            "sourceCount": citations.sources.count,
        ]
        if let homepage = company.homepage { context["homepage"] = homepage }
        if let summary = company.summary { context["summary"] = Paragraphs.split(summary) }
        if let span = report.statementSpan {
            context["statementSpan"] = [
                "first": span.first.longDescription, "last": span.last.longDescription,
                "text": Wording.span(span.first.longDescription, span.last.longDescription),
            ]
        }
        let requests = RequestSection(company: company, analysis: report.requests, citations: citations)
        context.merge(requests.values(blocks: &blocks)) { _, new in new }
        context.merge(HistoryContext.values(report, blocks: &blocks)) { _, new in new }
        if !company.services.isEmpty { context["servicesTable"] = blocks.placeholder(for: servicesTable()) }
        context["sourceList"] = blocks.placeholder(for: SourceList(sources: citations.sources))
        return context
    }

    private func servicesTable() -> Table {
        let rows: [[Table.Cell]] = report.company.services.flatMap { service -> [[Table.Cell]] in
            let name = ([service.name] + service.aliases).joined(separator: " / ")
            guard !service.ownership.isEmpty else { return [[Table.Cell(name), "not recorded", "", ""]] }
            return service.ownership.map { owner in
                [
                    Table.Cell(name), Table.Cell(owner.owner, citations: report.citations.numbers(of: owner.sources)),
                    Table.Cell(owner.from?.longDescription ?? "—"), Table.Cell(owner.until?.longDescription ?? "—"),
                ]
            }
        }
        return Table(
            caption: "Services of \(report.company.name) and their owners over time",
            columns: ["Service", "Owner", "From", "Until"], rows: rows)
    }

    private func statement(_ analysis: StatementAnalysis, _ citations: CitationIndex) -> [String: Any] {
        let statement = analysis.statement
        var context: [String: Any] = [
            "id": statement.id.rawValue,
            "date": statement.date.description,
            "dateLong": statement.date.longDescription,
            "kind": statement.kind.label,
            "paragraphs": Paragraphs.split(statement.quote),
            "claims": analysis.claims.map { entry -> [String: Any] in
                ["label": entry.claim.label, "id": entry.claim.id.rawValue,
                 "services": entry.serviceNames.joined(separator: ", "), "scoped": !entry.serviceNames.isEmpty]
            },
            "citations": citations.numbers(of: statement.sources),
            "related": analysis.related.map { related -> [String: Any] in
                ["title": related.evidence.title, "dateLong": related.evidence.date.longDescription,
                 "stance": related.stance.rawValue, "claim": related.claim.label,
                 "after": related.evidence.date > statement.date,
                 "citations": citations.numbers(of: related.evidence.sources)]
            },
            "hasRelated": !analysis.related.isEmpty,
            "hasClaims": !analysis.claims.isEmpty,
        ]
        if let speaker = statement.speaker { context["speaker"] = speaker }
        return context
    }

    private func evidence(_ item: Evidence, _ citations: CitationIndex) -> [String: Any] {
        var context: [String: Any] = [
            "id": item.id.rawValue, "title": item.title, "dateLong": item.date.longDescription,
            "summary": Paragraphs.split(item.summary), "citations": citations.numbers(of: item.sources),
        ]
        if let program = item.program { context["program"] = program }
        let names = item.services.compactMap { id in report.company.services.first { $0.id == id }?.name }
        if !names.isEmpty { context["services"] = names.joined(separator: ", ") }
        return context
    }

    private func collectionStart(_ start: CollectionStartAnalysis, _ citations: CitationIndex) -> [String: Any] {
        var context: [String: Any] = [
            "dateLong": start.date.longDescription,
            "subject": start.service?.name ?? report.company.name,
            "program": start.evidence.program ?? "collection",
            "citations": citations.numbers(of: start.evidence.sources),
        ]
        if start.predatesOwnership(by: report.company.id), let owner = start.ownerThen {
            context["ownerThen"] = owner.owner
            if let until = owner.until { context["ownerUntil"] = until.longDescription }
        }
        return context
    }

}

/// Small pieces of English used by contexts.
enum Wording {
    /// `3 statements`, `1 statement`.
    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(Count.grouped(number)) \(number == 1 ? singular : plural ?? singular + "s")"
    }

    /// `on 8 June 2013` or `from 14 June 2013 to 11 July 2013`.
    static func span(_ first: String, _ last: String) -> String {
        first == last ? "on \(first)" : "from \(first) to \(last)"
    }
}

/// Splits text into paragraphs at blank lines, trimming each.
enum Paragraphs {
    static func split(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs
    }
}
