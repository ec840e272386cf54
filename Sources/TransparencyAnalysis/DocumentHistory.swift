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
        let diffs = TextDiff.successive(document.versions.map(\.text))
        entries = document.versions.enumerated().map { index, version in
            Entry(version: version, changes: index > 0 ? diffs[index - 1] : nil)
        }
    }
}
