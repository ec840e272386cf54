import Templating
import TransparencyAnalysis
import TransparencyModel

/// The Mustache context of a company report: plain template values, with tables
/// and the source list as block placeholders. Data is escaped by the template's content type.
struct CompanyContext {
    let report: CompanyReport
    var blocks = BlockSet()

    init(report: CompanyReport) { self.report = report }

    mutating func build() -> TemplateValue {
        let company = report.company
        let citations = report.citations
        var context: [String: TemplateValue] = [
            "id": .text(company.id.rawValue),
            "name": .text(company.name),
            "aliases": .text(company.aliases.joined(separator: ", ")),
            "hasAliases": .bool(!company.aliases.isEmpty),
            "statementCount": .number(report.statements.count),
            "evidenceCount": .number(report.evidence.count),
            "challengingCount": .number(report.challengingEvidence.count),
            "statements": .list(report.statements.map { statement($0, citations) }),
            "evidence": .list(report.evidence.map { evidence($0, citations) }),
            "hasEvents": .bool(!report.events.isEmpty),
            "events": .list(report.events.map { event in
                ["dateLong": .text(event.date.longDescription), "title": .text(event.title), "kind": .text(event.kind.label),
                 "summary": .texts(Paragraphs.split(event.summary)), "citations": .numbers(citations.numbers(of: event.sources))]
            }),
            "collectionStarts": .list(report.collectionStarts.map { collectionStart($0, citations) }),
            "sourceCount": .number(citations.sources.count),
        ]
        if let homepage = company.homepage { context["homepage"] = .text(homepage) }
        if let summary = company.summary { context["summary"] = .texts(Paragraphs.split(summary)) }
        if let span = report.statementSpan {
            context["statementSpan"] = [
                "first": .text(span.first.longDescription), "last": .text(span.last.longDescription),
                "text": .text(Wording.span(span.first.longDescription, span.last.longDescription)),
            ]
        }
        let requests = RequestSection(company: company, analysis: report.requests, citations: citations)
        context.merge(requests.values(blocks: &blocks)) { _, new in new }
        context.merge(HistoryContext.values(report, blocks: &blocks)) { _, new in new }
        if !report.consistency.isEmpty {
            context["hasConsistency"] = .bool(true)
            context["consistency"] = .texts(report.consistency.map(\.message))
        }
        if !company.services.isEmpty { context["servicesTable"] = blocks.placeholder(for: servicesTable()) }
        context["sourceList"] = blocks.placeholder(for: SourceList(sources: citations.sources))
        return .object(context)
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

    private func statement(_ analysis: StatementAnalysis, _ citations: CitationIndex) -> TemplateValue {
        let statement = analysis.statement
        var context: [String: TemplateValue] = [
            "id": .text(statement.id.rawValue),
            "date": .text(statement.date.description),
            "dateLong": .text(statement.date.longDescription),
            "kind": .text(statement.kind.label),
            "paragraphs": .texts(Paragraphs.split(statement.quote)),
            "claims": .list(analysis.claims.map { entry -> TemplateValue in
                ["label": .text(entry.claim.label), "id": .text(entry.claim.id.rawValue),
                 "services": .text(entry.serviceNames.joined(separator: ", ")), "scoped": .bool(!entry.serviceNames.isEmpty)]
            }),
            "citations": .numbers(citations.numbers(of: statement.sources)),
            "related": .list(analysis.related.map { related -> TemplateValue in
                ["title": .text(related.evidence.title), "dateLong": .text(related.evidence.date.longDescription),
                 "stance": .text(related.stance.label), "claim": .text(related.claim.label), "reason": .text(related.reason),
                 "after": .bool(related.evidence.date > statement.date),
                 "citations": .numbers(citations.numbers(of: related.evidence.sources))]
            }),
            "hasRelated": .bool(!analysis.related.isEmpty),
            "hasClaims": .bool(!analysis.claims.isEmpty),
        ]
        if let speaker = statement.speaker { context["speaker"] = .text(speaker) }
        return .object(context)
    }

    private func evidence(_ item: Evidence, _ citations: CitationIndex) -> TemplateValue {
        var context: [String: TemplateValue] = [
            "id": .text(item.id.rawValue), "title": .text(item.title), "dateLong": .text(item.date.longDescription),
            "summary": .texts(Paragraphs.split(item.summary)), "citations": .numbers(citations.numbers(of: item.sources)),
        ]
        if let program = item.program { context["program"] = .text(program) }
        context["bearings"] = .list(item.bearings.compactMap { bearing -> TemplateValue? in
            guard let claim = report.evidenceClaims[bearing.claim] else { return nil }
            return ["stance": .text(bearing.stance.label), "claim": .text(claim.label), "reason": .text(bearing.reason)]
        })
        context["answers"] = .list(report.answers(to: item.id).map { statement -> TemplateValue in
            var answer: [String: TemplateValue] = [
                "company": .text(report.company.name), "dateLong": .text(statement.date.longDescription),
                "excerpt": .text(Timeline.excerpt(statement.quote)), "citations": .numbers(citations.numbers(of: statement.sources)),
            ]
            if let speaker = statement.speaker { answer["speaker"] = .text(speaker) }
            return .object(answer)
        })
        let names = item.services.compactMap { id in report.company.services.first { $0.id == id }?.name }
        if !names.isEmpty { context["services"] = .text(names.joined(separator: ", ")) }
        return .object(context)
    }

    private func collectionStart(_ start: CollectionStartAnalysis, _ citations: CitationIndex) -> TemplateValue {
        var context: [String: TemplateValue] = [
            "dateLong": .text(start.date.longDescription),
            "subject": .text(start.service?.name ?? report.company.name),
            "program": .text(start.evidence.program ?? "collection"),
            "citations": .numbers(citations.numbers(of: start.evidence.sources)),
        ]
        if start.predatesOwnership(by: report.company.id), let owner = start.ownerThen {
            context["ownerThen"] = .text(owner.owner)
            if let until = owner.until { context["ownerUntil"] = .text(until.longDescription) }
        }
        return .object(context)
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
