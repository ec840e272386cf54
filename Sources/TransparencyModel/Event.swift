/// Something that happened besides what companies said and what was reported about them: a
/// letter, a court motion, a lawsuit, a settlement, a rule change, a report published.
public struct Event: Hashable, Sendable, Identifiable {
    /// What kind of thing happened.
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case letter
        case courtMotion = "court-motion"
        case courtRecord = "court-record"
        case lawsuit
        case settlement
        case ruleChange = "rule-change"
        case report
        case coalition

        /// The name used in reports.
        public var label: String {
            switch self {
            case .letter: "letter"
            case .courtMotion: "court motion"
            case .courtRecord: "court record"
            case .lawsuit: "lawsuit"
            case .settlement: "settlement"
            case .ruleChange: "rule change"
            case .report: "report"
            case .coalition: "coalition"
            }
        }
    }

    public var id: EventID
    public var date: DataDate
    public var kind: Kind
    public var title: String
    /// What happened, in the dataset authors' words. Paragraphs are separated by a blank line.
    public var summary: String
    /// The companies it concerns.
    public var companies: [CompanyID]
    public var sources: [SourceID]

    public init(
        id: EventID, date: DataDate, kind: Kind, title: String, summary: String, companies: [CompanyID], sources: [SourceID]
    ) {
        self.id = id
        self.date = date
        self.kind = kind
        self.title = title
        self.summary = summary
        self.companies = companies
        self.sources = sources
    }
}
