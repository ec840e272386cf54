/// One published measure of government requests to a company.
public struct RequestFigure: Hashable, Sendable {
    public var company: CompanyID
    public var period: Period
    public var jurisdiction: Jurisdiction
    public var process: LegalProcess
    /// The publisher's own words for the legal process ("Other Court Orders"), when they differ.
    public var publishedAs: String?
    public var subject: RequestSubject
    public var measure: Measure
    public var value: FigureValue
    /// For US national-security figures: the rules the bands were published under.
    public var regime: BandRegime?
    public var sources: [SourceID]
    /// When the edition that gave the figure (a download, a statement) was published, where the
    /// dataset says: needed when one figure is given by more than one edition.
    public var edition: DataDate?
    /// The figure as other, earlier editions gave it, earliest first: the same value (kept once,
    /// with every source) or a restatement.
    public var earlierEditions: [FigureEdition]
    /// The publisher's footnote on the figure (what a mark such as `1*` refers to).
    public var note: String?

    public init(
        company: CompanyID, period: Period, jurisdiction: Jurisdiction, process: LegalProcess,
        publishedAs: String? = nil, subject: RequestSubject = .accounts, measure: Measure,
        value: FigureValue, regime: BandRegime? = nil, sources: [SourceID], edition: DataDate? = nil,
        earlierEditions: [FigureEdition] = [], note: String? = nil
    ) {
        self.company = company
        self.period = period
        self.jurisdiction = jurisdiction
        self.process = process
        self.publishedAs = publishedAs
        self.subject = subject
        self.measure = measure
        self.value = value
        self.regime = regime
        self.sources = sources
        self.edition = edition
        self.earlierEditions = earlierEditions
        self.note = note
    }

    /// The sources of the figure's value: its own, and those of earlier editions that gave the
    /// same value, in that order, each once.
    public var supportingSources: [SourceID] {
        guard !earlierEditions.isEmpty else { return sources }
        var all = sources
        for edition in earlierEditions where edition.value == value {
            all += edition.sources.filter { !all.contains($0) }
        }
        return all
    }

    /// Every source of the figure and of its earlier editions, each once.
    public var allSources: [SourceID] {
        guard !earlierEditions.isEmpty else { return sources }
        var all = sources
        for edition in earlierEditions { all += edition.sources.filter { !all.contains($0) } }
        return all
    }

    /// The earlier editions that gave another value.
    public var restatedEditions: [FigureEdition] { earlierEditions.filter { $0.value != value } }

    /// What identifies a figure: no two figures of a company share one.
    public struct Key: Hashable, Comparable, Sendable {
        public var period: Period
        public var jurisdiction: Jurisdiction
        public var process: LegalProcess
        public var publishedAs: String
        public var subject: RequestSubject
        public var measure: Measure

        /// The key of the figure's line: all of it but the measure (set to `requests`).
        public var line: Key {
            Key(period: period, jurisdiction: jurisdiction, process: process, publishedAs: publishedAs, subject: subject, measure: .requests)
        }

        public static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.period, lhs.jurisdiction, lhs.process, lhs.publishedAs, lhs.subject, lhs.measure)
                < (rhs.period, rhs.jurisdiction, rhs.process, rhs.publishedAs, rhs.subject, rhs.measure)
        }
    }

    /// Whether this figure's key comes before `other`'s, in the order of `Key`, without making keys.
    public func keyPrecedes(_ other: RequestFigure) -> Bool {
        if period != other.period { return period < other.period }
        if jurisdiction != other.jurisdiction { return jurisdiction < other.jurisdiction }
        if process != other.process { return process < other.process }
        if publishedAs != other.publishedAs, (publishedAs ?? "") != (other.publishedAs ?? "") {
            return (publishedAs ?? "") < (other.publishedAs ?? "")
        }
        if subject != other.subject { return subject < other.subject }
        return measure < other.measure
    }

    /// The indices of `figures` in key order; figures of one key keep their order.
    public static func keyOrder(_ figures: [RequestFigure]) -> [Int] {
        figures.indices.sorted { a, b in
            figures[a].keyPrecedes(figures[b]) || (!figures[b].keyPrecedes(figures[a]) && a < b)
        }
    }

    public var key: Key {
        Key(period: period, jurisdiction: jurisdiction, process: process, publishedAs: publishedAs ?? "",
            subject: subject, measure: measure)
    }
}
