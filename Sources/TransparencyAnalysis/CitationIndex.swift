import TransparencyModel

/// The sources one report cites, numbered 1, 2, … in date order (undated last, then by id), so
/// that numbers don't depend on how a template orders its sections.
public struct CitationIndex: Sendable {
    /// The cited sources in numbering order.
    public let sources: [Source]
    private let numbers: [SourceID: Int]

    /// Numbers every source in `cited` that `sources` holds.
    public init(cited: Set<SourceID>, sources: [SourceID: Source]) {
        let sources = cited.compactMap { sources[$0] }.sorted { lhs, rhs in
            switch (lhs.date, rhs.date) {
            case let (l?, r?) where l != r: return l < r
            case (.some, .none): return true
            case (.none, .some): return false
            default: return lhs.id < rhs.id
            }
        }
        self.sources = sources
        self.numbers = Dictionary(uniqueKeysWithValues: sources.enumerated().map { ($1.id, $0 + 1) })
    }

    /// Numbers the sources of `cited` found among `sources`, in the same order as the dataset-based index.
    public init(cited: Set<SourceID>, sources: [Source]) {
        let kept = sources.filter { cited.contains($0.id) }
        self.sources = kept
        self.numbers = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1.id, $0 + 1) })
    }

    /// The numbers of several sources, ascending, without repeats.
    public func numbers(of sources: [SourceID]) -> [Int] {
        Array(Set(sources.compactMap { numbers[$0] })).sorted()
    }
}
