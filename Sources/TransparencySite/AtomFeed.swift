import TransparencyModel

/// An Atom feed (RFC 4287) whose ids and dates come from the data, never from the clock, so two
/// builds write the same bytes.
public struct AtomFeed: Sendable {
    public struct Entry: Sendable, Codable {
        public var id: String
        public var title: String
        public var updated: DataDate
        /// Relative to the feed's location.
        public var link: String
        public var category: String
        public var content: String
    }

    public var id: String
    public var title: String
    public var author: String
    /// The feed's own file name and the page it accompanies, relative to the feed.
    public var selfLink: String
    public var alternateLink: String
    public var entries: [Entry]

    /// A feed holds the latest entries only, as feed readers expect: 100 of them.
    public static let entryLimit = 100

    /// The latest `limit` entries, latest first (ties by id, so the order is total).
    public static func latest(_ entries: [Entry], limit: Int = entryLimit) -> [Entry] {
        Array(entries.sorted { Self.isLater($0, than: $1) }.prefix(limit))
    }

    /// Whether `entry` comes before `other` in a feed.
    public static func isLater(_ entry: Entry, than other: Entry) -> Bool {
        (entry.updated, entry.id) > (other.updated, other.id)
    }

    /// The tag URI of something in the dataset: `tag:transparency.invalid,2026:<path>`.
    public static func tag(_ path: String) -> String { "tag:transparency.invalid,2026:\(path)" }

    /// `2013-07-11T00:00:00Z`; a month or a year counts from its first day.
    static func timestamp(_ date: DataDate) -> String { "\(date.firstDay)T00:00:00Z" }

    public var xml: String {
        let sorted = Self.latest(entries)
        let updated = sorted.first.map { Self.timestamp($0.updated) } ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <id>\(XMLEscaper.escape(id))</id>
            <title>\(XMLEscaper.escape(title))</title>
            <updated>\(updated)</updated>
            <author><name>\(XMLEscaper.escape(author))</name></author>
            <link rel="self" href="\(XMLEscaper.escape(selfLink))"/>
            <link rel="alternate" type="text/html" href="\(XMLEscaper.escape(alternateLink))"/>
            <generator>transparency</generator>

            """
        for entry in sorted {
            xml += """
                <entry>
                <id>\(XMLEscaper.escape(entry.id))</id>
                <title>\(XMLEscaper.escape(entry.title))</title>
                <updated>\(Self.timestamp(entry.updated))</updated>
                <link rel="alternate" type="text/html" href="\(XMLEscaper.escape(entry.link))"/>
                <category term="\(XMLEscaper.escape(entry.category))"/>
                <content type="text">\(XMLEscaper.escape(entry.content))</content>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }
}
