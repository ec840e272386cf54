import TransparencyModel
import WordDiff

/// Every version of a document with its word-level diff from the version before.
public struct DocumentHistory: Sendable {
    public struct Entry: Sendable {
        public var version: DocumentVersion
        /// Nil for the first version.
        public var changes: TextDiff?
    }

    public var document: Document
    /// Oldest first.
    public var entries: [Entry]

    public init(document: Document) {
        self.document = document
        var previous: DocumentVersion?
        entries = document.versions.map { version in
            defer { previous = version }
            return Entry(version: version, changes: previous.map { TextDiff(old: $0.text, new: version.text) })
        }
    }
}
