import TransparencyAnalysis
import TransparencyModel

/// What a build keeps in its cache for the next one, besides its jobs: each company's summary
/// and the problems of its request file, and the site feed's latest entries. Summaries are kept
/// as compact text (a line per period): JSON of their nested values took a quarter of a
/// second to read back for 500 companies.
struct SiteState: Codable, Sendable {
    struct CompanyRecord: Codable, Sendable {
        /// The digest of the inputs the summary was made from.
        var digest: String
        var summary: String
        var warnings: [String]
    }

    struct FeedCandidate: Codable, Sendable {
        var company: String
        var id: String, title: String, updated: String, link: String, category: String, content: String
    }

    var companies: [String: CompanyRecord] = [:]
    /// The site feed's candidates, latest first: twice as many as the feed shows, so that a
    /// company made again can lose entries without the others' being unknown.
    var feed: [FeedCandidate] = []
    /// Whether `feed` holds every company's entries.
    var feedComplete = true

    static let feedCandidates = 2 * AtomFeed.entryLimit

    static func record(digest: String, summary: CompanySummary, warnings: [Diagnostic]) -> CompanyRecord {
        CompanyRecord(digest: digest, summary: SummaryText.encode(summary), warnings: warnings.map(DiagnosticText.encode))
    }

    static func candidate(_ entry: AtomFeed.Entry, of company: CompanyID) -> FeedCandidate {
        FeedCandidate(
            company: company.rawValue, id: entry.id, title: entry.title, updated: entry.updated.description, link: entry.link,
            category: entry.category, content: entry.content)
    }

    static func entry(_ candidate: FeedCandidate) -> AtomFeed.Entry? {
        guard let updated = DataDate(parsing: candidate.updated) else { return nil }
        return AtomFeed.Entry(
            id: candidate.id, title: candidate.title, updated: updated, link: candidate.link, category: candidate.category,
            content: candidate.content)
    }
}

/// A diagnostic as one line of text, and back.
enum DiagnosticText {
    static func encode(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        return [diagnostic.severity.rawValue, String(location.line), String(location.column), location.path, diagnostic.message]
            .joined(separator: "\t")
    }

    static func decode(_ text: String) -> Diagnostic? {
        let fields = text.split(separator: "\t", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 5, let severity = Diagnostic.Severity(rawValue: fields[0]),
              let line = Int(fields[1]), let column = Int(fields[2]) else { return nil }
        return Diagnostic(SourceLocation(path: fields[3], line: line, column: column), fields[4], severity: severity)
    }
}
