import TransparencyAnalysis
import TransparencyModel

/// The Atom entries of the site: each company's new statements, document versions, evidence and events.
enum FeedBuilder {
    /// Entries of one company, with links relative to `site/<company>/`; `histories` are those
    /// of its documents.
    static func entries(_ report: CompanyReport, histories: [DocumentHistory], dataset: Dataset) -> [AtomFeed.Entry] {
        let company = report.company
        func sources(_ ids: [SourceID]) -> String {
            let lines = ids.compactMap { dataset.sources[$0] }.map { "\($0.publisher): \($0.title) <\($0.url)>" }
            return lines.isEmpty ? "" : "\n\nSources:\n" + lines.joined(separator: "\n")
        }
        var entries: [AtomFeed.Entry] = []
        for analysis in report.statements {
            let statement = analysis.statement
            let speaker = statement.speaker.map { " by \($0)" } ?? ""
            entries.append(AtomFeed.Entry(
                id: AtomFeed.tag("\(company.id)/statement/\(statement.id)"),
                title: "\(company.name): \(statement.kind.label)\(speaker), \(statement.date.longDescription)",
                updated: statement.date, link: "index.html", category: "statement",
                content: "“\(statement.quote)”" + sources(statement.sources)))
        }
        for history in histories {
            for entry in history.entries {
                let version = entry.version
                let change = entry.changes.map { "\($0.changedWordCount) words deleted or inserted since the version before.\n\n" } ?? "First version.\n\n"
                entries.append(AtomFeed.Entry(
                    id: AtomFeed.tag("\(company.id)/document/\(history.document.id)/\(version.date)"),
                    title: "\(company.name): \(history.document.title), version of \(version.date.longDescription)",
                    updated: version.date, link: "documents/\(history.document.id)/index.html", category: "document-version",
                    content: change + version.text + sources(version.sources)))
            }
        }
        for item in report.evidence {
            entries.append(AtomFeed.Entry(
                id: AtomFeed.tag("\(company.id)/evidence/\(item.id)"),
                title: "\(company.name): \(item.title)", updated: item.date, link: "index.html", category: "evidence",
                content: item.summary + sources(item.sources)))
        }
        for event in report.events {
            entries.append(AtomFeed.Entry(
                id: AtomFeed.tag("\(company.id)/event/\(event.id)"),
                title: "\(company.name): \(event.title) (\(event.kind.label))", updated: event.date, link: "index.html", category: "event",
                content: event.summary + sources(event.sources)))
        }
        return entries
    }

    /// The company's feed, of its `entries` (those of `entries(_:dataset:)`).
    static func companyFeed(_ report: CompanyReport, entries: [AtomFeed.Entry], siteTitle: String) -> AtomFeed {
        AtomFeed(
            id: AtomFeed.tag("feed/\(report.company.id)"), title: "\(report.company.name) · \(siteTitle)", author: siteTitle,
            selfLink: "feed.xml", alternateLink: "index.html", entries: entries)
    }

    /// The company's latest `entries`, with links relative to `site/`: those the site feed may show.
    static func siteEntries(_ entries: [AtomFeed.Entry], of company: CompanyID) -> [AtomFeed.Entry] {
        AtomFeed.latest(entries).map { entry in
            var entry = entry
            entry.link = "\(company)/\(entry.link)"
            return entry
        }
    }

    /// The site's feed: the latest of every company's entries.
    static func siteFeed(_ entries: [AtomFeed.Entry], siteTitle: String) -> AtomFeed {
        AtomFeed(
            id: AtomFeed.tag("feed"), title: siteTitle, author: siteTitle,
            selfLink: "feed.xml", alternateLink: "index.html", entries: entries)
    }
}
