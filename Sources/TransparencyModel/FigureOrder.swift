/// Sorts request figures by their key quickly: every part of the key becomes a small ordinal,
/// the ordinals are packed into one integer, and integers are sorted. Gives the same order as
/// `RequestFigure.Key`'s `<`, which it falls back to when the ordinals don't fit in 64 bits.
public struct FigureOrder {
    /// The packed key of each figure, in the figures' order; equal keys mean equal figure keys.
    public let packedKeys: [UInt64]
    /// How many low bits hold the measure: `key >> measureBits` identifies a figure's line.
    public let measureBits: UInt64
    /// The figures' indices in key order (stable: equal keys keep their input order).
    public let sortedIndices: [Int]

    public init(_ figures: [RequestFigure]) {
        // One hash per value and figure: ids in order of first appearance, then ranks by value.
        var periodIDs: [Period: Int] = [:], jurisdictionIDs: [Jurisdiction: Int] = [:], wordIDs: [String: Int] = [:]
        var ids: [(period: Int32, jurisdiction: Int32, words: Int32)] = []
        ids.reserveCapacity(figures.count)
        for figure in figures {
            let period = Self.id(of: figure.period, in: &periodIDs)
            let jurisdiction = Self.id(of: figure.jurisdiction, in: &jurisdictionIDs)
            let words = Self.id(of: figure.publishedAs ?? "", in: &wordIDs)
            ids.append((Int32(period), Int32(jurisdiction), Int32(words)))
        }
        let periods = Self.ranks(periodIDs), jurisdictions = Self.ranks(jurisdictionIDs), words = Self.ranks(wordIDs)
        let widths: [UInt64] = [
            Self.bits(periods.count), Self.bits(jurisdictions.count), Self.bits(LegalProcess.allCases.count),
            Self.bits(words.count), Self.bits(RequestSubject.allCases.count), Self.bits(Measure.allCases.count),
        ]
        measureBits = widths[5]
        guard widths.reduce(0, +) <= 64 else {
            // Too many distinct values to pack: compare keys directly.
            let keys = figures.map(\.key)
            packedKeys = []
            sortedIndices = figures.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
            return
        }
        let subjectIndex = Dictionary(uniqueKeysWithValues: RequestSubject.allCases.sorted().enumerated().map { ($1, UInt64($0)) })
        var packed: [UInt64] = []
        packed.reserveCapacity(figures.count)
        for (figure, id) in zip(figures, ids) {
            var key = periods[Int(id.period)]
            key = key << widths[1] | jurisdictions[Int(id.jurisdiction)]
            key = key << widths[2] | UInt64(figure.process.declarationIndex)
            key = key << widths[3] | words[Int(id.words)]
            key = key << widths[4] | (subjectIndex[figure.subject] ?? 0)
            key = key << widths[5] | UInt64(figure.measure.declarationIndex)
            packed.append(key)
        }
        packedKeys = packed
        // Sorting (key, index) pairs as one 128-bit comparison keeps equal keys in input order.
        sortedIndices = packed.indices.sorted { (packed[$0], $0) < (packed[$1], $1) }
    }

    /// The line key of a figure: its packed key without the measure.
    public func lineKey(of index: Int) -> UInt64 { packedKeys.isEmpty ? UInt64(index) : packedKeys[index] >> measureBits }

    /// Whether two figures have the same key.
    public func sameKey(_ a: Int, _ b: Int, in figures: [RequestFigure]) -> Bool {
        packedKeys.isEmpty ? figures[a].key == figures[b].key : packedKeys[a] == packedKeys[b]
    }

    private static func id<Value: Hashable>(of value: Value, in ids: inout [Value: Int]) -> Int {
        if let id = ids[value] { return id }
        let id = ids.count
        ids[value] = id
        return id
    }

    /// For each id (by first appearance), the rank of its value in sorted order.
    private static func ranks<Value: Comparable>(_ ids: [Value: Int]) -> [UInt64] {
        var ranks = [UInt64](repeating: 0, count: ids.count)
        for (rank, entry) in ids.sorted(by: { $0.key < $1.key }).enumerated() { ranks[entry.value] = UInt64(rank) }
        return ranks
    }

    private static func bits(_ count: Int) -> UInt64 {
        UInt64(count <= 1 ? 0 : Int.bitWidth - (count - 1).leadingZeroBitCount)
    }
}
