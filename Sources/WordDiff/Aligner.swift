/// Finds the edit script between two token sequences: common prefix and suffix trimmed, then
/// lines (and, where lines don't help, single tokens) that occur exactly once on each side used
/// as anchors, patience-style, and Myers' algorithm between the anchors.
struct Aligner {
    let a: [Int32], b: [Int32]
    let aBreaks: [Bool], bBreaks: [Bool]
    /// Regions whose edit distance exceeds this are replaced whole rather than aligned.
    let maxCost: Int
    private(set) var script = EditScript()

    init(a: Tokenizer, b: Tokenizer, maxCost: Int = 4096) {
        self.a = a.alignmentIDs
        self.b = b.alignmentIDs
        aBreaks = a.breaks
        bBreaks = b.breaks
        self.maxCost = maxCost
        align(0, self.a.count, 0, self.b.count)
    }

    private mutating func align(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) {
        var aLow = aLow, bLow = bLow, aHigh = aHigh, bHigh = bHigh
        var prefix = 0
        while aLow < aHigh, bLow < bHigh, a[aLow] == b[bLow] {
            aLow += 1
            bLow += 1
            prefix += 1
        }
        var suffix = 0
        while aLow < aHigh, bLow < bHigh, a[aHigh - 1] == b[bHigh - 1] {
            aHigh -= 1
            bHigh -= 1
            suffix += 1
        }
        script.append(.equal, prefix)
        defer { script.append(.equal, suffix) }
        if aLow == aHigh || bLow == bHigh {
            script.append(.delete, aHigh - aLow)
            script.append(.insert, bHigh - bLow)
            return
        }
        let size = (aHigh - aLow) + (bHigh - bLow)
        if size > 64, let anchors = anchors(aLow, aHigh, bLow, bHigh, byLine: true) ?? anchors(aLow, aHigh, bLow, bHigh, byLine: false) {
            var aPosition = aLow, bPosition = bLow
            for anchor in anchors {
                align(aPosition, anchor.a, bPosition, anchor.b)
                script.append(.equal, anchor.length)
                aPosition = anchor.a + anchor.length
                bPosition = anchor.b + anchor.length
            }
            align(aPosition, aHigh, bPosition, bHigh)
            return
        }
        var region = EditScript()
        if Myers.diff(a[aLow..<aHigh], b[bLow..<bHigh], maxCost: maxCost, into: &region) {
            for (kind, count) in zip(region.kinds, region.counts) { script.append(kind, count) }
        } else {
            script.append(.delete, aHigh - aLow)
            script.append(.insert, bHigh - bLow)
        }
    }

    /// A line (or a single token) of one side, with a hash of its tokens.
    private struct Unit {
        var start: Int
        var length: Int
        var key: UInt64
    }

    private func units(_ ids: [Int32], _ breaks: [Bool], _ low: Int, _ high: Int, byLine: Bool) -> [Unit] {
        var units: [Unit] = []
        units.reserveCapacity(byLine ? (high - low) / 16 : high - low)
        var start = low
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in low..<high {
            hash = (hash ^ UInt64(UInt32(bitPattern: ids[index]))) &* 0x100_0000_01B3
            if !byLine || breaks[index] || index == high - 1 {
                units.append(Unit(start: start, length: index + 1 - start, key: hash))
                start = index + 1
                hash = 0xCBF2_9CE4_8422_2325
            }
        }
        return units
    }

    /// Units (lines, or single tokens) that occur once on each side, in increasing order on both
    /// (the longest such chain); nil when there are none.
    private func anchors(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int, byLine: Bool) -> [(a: Int, b: Int, length: Int)]? {
        let aUnits = units(a, aBreaks, aLow, aHigh, byLine: byLine), bUnits = units(b, bBreaks, bLow, bHigh, byLine: byLine)
        guard aUnits.count > 1 || bUnits.count > 1 else { return nil }
        // For each distinct key: how often on each side, and the last index on each side.
        var slots = HashTable(capacity: aUnits.count + bUnits.count)
        var aCount: [Int32] = [], bCount: [Int32] = [], aIndex: [Int32] = [], bIndex: [Int32] = []
        func slot(_ key: UInt64) -> Int {
            if let existing = slots[key] { return Int(existing) }
            slots.set(key, Int32(aCount.count))
            aCount.append(0); bCount.append(0); aIndex.append(0); bIndex.append(0)
            return aCount.count - 1
        }
        for (index, unit) in aUnits.enumerated() {
            let entry = slot(unit.key)
            aCount[entry] += 1
            aIndex[entry] = Int32(index)
        }
        for (index, unit) in bUnits.enumerated() {
            let entry = slot(unit.key)
            bCount[entry] += 1
            bIndex[entry] = Int32(index)
        }
        // Pairs of unique units in a's order; the longest increasing run of b positions.
        var pairs: [(a: Int, b: Int)] = []
        for (index, unit) in aUnits.enumerated() {
            guard let found = slots[unit.key] else { continue }
            let entry = Int(found)
            guard aCount[entry] == 1, bCount[entry] == 1 else { continue }
            let other = bUnits[Int(bIndex[entry])]
            // Equal hashes are checked token by token, so a collision can't make a false anchor.
            guard unit.length == other.length, a[unit.start..<(unit.start + unit.length)] == b[other.start..<(other.start + other.length)] else { continue }
            pairs.append((index, Int(bIndex[entry])))
        }
        let chain = Self.longestIncreasing(pairs)
        guard !chain.isEmpty else { return nil }
        return chain.map { pair in (aUnits[pair.a].start, bUnits[pair.b].start, aUnits[pair.a].length) }
    }

    /// Patience sorting: the longest subsequence of `pairs` (already increasing in `a`) whose `b`
    /// also increases. O(n log n).
    static func longestIncreasing(_ pairs: [(a: Int, b: Int)]) -> [(a: Int, b: Int)] {
        var tails: [Int] = []          // index into pairs of the smallest tail of each length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if pairs[tails[middle]].b < pair.b { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var chain: [(a: Int, b: Int)] = []
        var current = tails.last ?? -1
        while current >= 0 {
            chain.append(pairs[current])
            current = previous[current]
        }
        return chain.reversed()
    }
}
