import TransparencyModel

/// A company's history in date order: statements, evidence, events, changes of owner, collection start
/// dates, document versions and the claims it withdrew.
public struct Timeline: Sendable {
    public struct Event: Sendable {
        public enum Kind: String, Sendable, CaseIterable {
            case ownership, collectionStart = "collection-start", event, statement, claims, evidence, documentVersion = "document-version"
        }
        public var date: DataDate
        public var kind: Kind
        public var title: String
        public var sources: [SourceID]
    }

    /// Oldest first; on one date, in the order of `Event.Kind`, then by title.
    public var events: [Event]

    public init(events: [Event]) { self.events = events }

    public init(report: CompanyReport) {
        var events: [Event] = []
        let company = report.company
        for service in company.services {
            for owner in service.ownership {
                guard let from = owner.from else { continue }
                events.append(Event(date: from, kind: .ownership, title: "\(service.name) owned by \(owner.owner) from this date", sources: owner.sources))
            }
        }
        for start in report.collectionStarts {
            let owner = start.predatesOwnership(by: company.id) ? " (then owned by \(start.ownerThen?.owner ?? "another company"))" : ""
            events.append(Event(
                date: start.date, kind: .collectionStart,
                title: "\(start.evidence.program ?? "Collection") collection from \(start.service?.name ?? company.name) began\(owner), according to the evidence",
                sources: start.evidence.sources))
        }
        for analysis in report.statements {
            let statement = analysis.statement
            let by = statement.speaker.map { " by \($0)" } ?? ""
            events.append(Event(date: statement.date, kind: .statement, title: "Statement (\(statement.kind.label))\(by): “\(Self.excerpt(statement.quote))”", sources: statement.sources))
        }
        for record in report.claimRecords {
            guard let withdrawal = record.withdrawal else { continue }
            events.append(Event(date: withdrawal.date, kind: .claims, title: "Withdrew the claim “\(record.claim.label)”", sources: withdrawal.sources))
        }
        for event in report.events {
            events.append(Event(date: event.date, kind: .event, title: "\(event.title) (\(event.kind.label))", sources: event.sources))
        }
        for item in report.evidence {
            events.append(Event(date: item.date, kind: .evidence, title: "Reported: \(item.title)", sources: item.sources))
        }
        for document in report.documents {
            for (index, version) in document.versions.enumerated() {
                events.append(Event(date: version.date, kind: .documentVersion, title: index == 0 ? "\(document.title): first version" : "\(document.title): new version", sources: version.sources))
            }
        }
        let order = Dictionary(uniqueKeysWithValues: Event.Kind.allCases.enumerated().map { ($1, $0) })
        self.events = events.sorted { ($0.date, order[$0.kind] ?? 0, $0.title) < ($1.date, order[$1.kind] ?? 0, $1.title) }
    }

    /// The first 20 words of a quote.
    public static func excerpt(_ quote: String) -> String {
        // By bytes while the words read are ASCII (a byte is then a character, and whitespace is
        // space, tab and line breaks); by characters otherwise.
        let words = firstWords(of: quote, in: quote.utf8, isSpace: { $0 < 0x80 ? $0 == 0x20 || (0x09...0x0D).contains($0) : nil })
            ?? firstWords(of: quote, in: quote, isSpace: { $0.isWhitespace }) ?? []
        return words.prefix(20).joined(separator: " ") + (words.count > 20 ? " …" : "")
    }

    /// The first 21 words of `quote` (or all when fewer), read through `units`, its characters
    /// or its bytes, only until a 21st word begins: quotes can be long. Nil when `isSpace`
    /// can't tell a unit.
    private static func firstWords<Units: Collection>(
        of quote: String, in units: Units, isSpace: (Units.Element) -> Bool?
    ) -> [Substring]? where Units.Index == String.Index {
        var words: [Substring] = []
        var start: String.Index?
        var index = units.startIndex
        while index < units.endIndex, words.count <= 20 {
            guard let space = isSpace(units[index]) else { return nil }
            if space, let wordStart = start {
                words.append(quote[wordStart..<index])
                start = nil
            } else if !space, start == nil {
                start = index
            }
            index = units.index(after: index)
        }
        if words.count <= 20, let wordStart = start { words.append(quote[wordStart..<index]) }
        return words
    }
}
