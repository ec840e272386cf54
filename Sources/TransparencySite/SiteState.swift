import TransparencyAnalysis
import TransparencyModel

/// What a build keeps in its cache for the next one, besides its jobs: each company's summary
/// and the problems of its request file, and the site feed's latest entries.
struct SiteState: Codable, Sendable {
    struct CompanyRecord: Codable, Sendable {
        /// The digest of the inputs the summary was made from.
        var digest: String
        var summary: CompanySummary
        var warnings: [Diagnostic]
    }

    struct FeedCandidate: Codable, Sendable {
        var company: CompanyID
        var entry: AtomFeed.Entry
    }

    var companies: [String: CompanyRecord] = [:]
    /// The site feed's candidates, latest first: twice as many as the feed shows, so that a
    /// company made again can lose entries without the others' being unknown.
    var feed: [FeedCandidate] = []
    /// Whether `feed` holds every company's entries.
    var feedComplete = true

    static let feedCandidates = 2 * AtomFeed.entryLimit
}
