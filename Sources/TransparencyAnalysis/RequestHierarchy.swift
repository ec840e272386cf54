import TransparencyModel

/// One period's figures arranged by jurisdiction and legal process, so that totals are made
/// without counting anything twice:
///
/// - A published figure is used as published. A process without one gets the sum of its
///   children (`LegalProcess.parent`), found the same way; a total is never added to its parts.
/// - Figures of one process under different publisher labels (Meta's "Court Order (Other)" and
///   "Court Order (18 USC 2703(d))") are its categories, and add up to it; a figure of the
///   process without a label is its total, and is used alone.
/// - Across jurisdictions, the publisher's `WORLD` figure for a process is used when it has
///   one; otherwise the countries' own totals are added up (`WORLD`'s parts of the process only
///   when no country covers it).
///
/// Each sum keeps the figures it counted, so that it can say how it was obtained and what it
/// covers (`HierarchySum`). Figures in key order lie by jurisdiction, then process: each
/// jurisdiction's figures of one process are one run, found without hashing.
public struct RequestHierarchy: Sendable {
    let figures: [RequestFigure]
    /// The period's figures of requests and accounts, in key order.
    let order: [Int]
    /// The jurisdictions, in order (`WORLD` first), and for each, its runs of `order` by process.
    let jurisdictionList: [Jurisdiction]
    let runs: [Range<Int>]
    /// Each jurisdiction's subjects, as bits by `RequestSubject` position.
    let subjectBits: [UInt8]
    /// The processes with figures, as bits by `declarationIndex`.
    let processBits: UInt32
    /// Each jurisdiction's processes with figures of requests (then, of accounts), as bits.
    let measureBits: [UInt32]
    /// Whether a process has figures under more than one label somewhere.
    let hasCategories: Bool

    static let processCount = LegalProcess.allCases.count
    /// The processes by `declarationIndex`.
    private static let processes = LegalProcess.allCases

    /// Arranges the figures at `indices` (one period's), counting requests and accounts.
    public init(figures: [RequestFigure], indices: some Sequence<Int>) {
        self.figures = figures
        var order = indices.filter { figures[$0].measure == .requests || figures[$0].measure == .accounts }
        // The runs need each jurisdiction's figures together, by process: as key order has them.
        func precedes(_ a: Int, _ b: Int) -> Bool {
            let (first, second) = (figures[a].jurisdiction, figures[b].jurisdiction)
            return first != second ? first < second : figures[a].process.declarationIndex < figures[b].process.declarationIndex
        }
        // One look along the figures: are they in order, how many jurisdictions, any categories?
        var sorted = true, count = order.isEmpty ? 0 : 1, hasCategories = false
        for (a, b) in zip(order, order.dropFirst()) {
            if precedes(b, a) { sorted = false }
            if figures[a].jurisdiction != figures[b].jurisdiction {
                count += 1
            } else if figures[a].process == figures[b].process, figures[a].publishedAs != figures[b].publishedAs {
                hasCategories = true
            }
        }
        if !sorted { order.sort { precedes($0, $1) || (!precedes($1, $0) && $0 < $1) } }
        var jurisdictionList: [Jurisdiction] = [], runs: [Range<Int>] = [], subjectBits: [UInt8] = [], processBits: UInt32 = 0
        var measureBits: [UInt32] = []
        jurisdictionList.reserveCapacity(count)
        runs.reserveCapacity(count * Self.processCount)
        subjectBits.reserveCapacity(count)
        measureBits.reserveCapacity(2 * count)
        for (position, index) in order.enumerated() {
            let jurisdiction = figures[index].jurisdiction
            if jurisdictionList.last != jurisdiction {
                jurisdictionList.append(jurisdiction)
                runs.append(contentsOf: repeatElement(position..<position, count: Self.processCount))
                subjectBits.append(0)
                measureBits.append(0)
                measureBits.append(0)
            }
            let slot = (jurisdictionList.count - 1) * Self.processCount + figures[index].process.declarationIndex
            runs[slot] = (runs[slot].isEmpty ? position : runs[slot].lowerBound)..<(position + 1)
            subjectBits[jurisdictionList.count - 1] |= Self.bit(figures[index].subject)
            processBits |= 1 << UInt32(figures[index].process.declarationIndex)
            measureBits[2 * (jurisdictionList.count - 1) + (figures[index].measure == .requests ? 0 : 1)] |=
                1 << UInt32(figures[index].process.declarationIndex)
        }
        self.processBits = processBits
        self.measureBits = measureBits
        self.hasCategories = hasCategories
        self.order = order
        self.jurisdictionList = jurisdictionList
        self.runs = runs
        self.subjectBits = subjectBits
    }

    /// The processes that hold others, as bits by `declarationIndex`.
    static let holders = LegalProcess.allCases.reduce(UInt32(0)) { $1.children.isEmpty ? $0 : $0 | 1 << UInt32($1.declarationIndex) }

    /// Each process and those under it, as bits by `declarationIndex`.
    private static let subtrees: [UInt32] = LegalProcess.allCases.map { process in
        LegalProcess.allCases.reduce(UInt32(0)) { bits, other in
            var step: LegalProcess? = other
            while let current = step, current != process { step = current.parent }
            return step == nil ? bits : bits | 1 << UInt32(other.declarationIndex)
        }
    }

    static func bit(_ subject: RequestSubject) -> UInt8 {
        switch subject {
        case .accounts: 1
        case .accountsOrDevices: 2
        case .devices: 4
        }
    }

    /// The subjects with figures, in vocabulary order.
    public var subjects: [RequestSubject] {
        let all = subjectBits.reduce(0, |)
        return RequestSubject.allCases.filter { all & Self.bit($0) != 0 }.sorted()
    }

    /// The jurisdictions with figures of `subject` (`WORLD` among them when published), in order.
    public func jurisdictions(_ subject: RequestSubject) -> [Jurisdiction] {
        jurisdictionList.indices.filter { subjectBits[$0] & Self.bit(subject) != 0 }.map { jurisdictionList[$0] }
    }

    /// The processes of one jurisdiction's figures, in vocabulary order.
    public func processes(in jurisdiction: Jurisdiction) -> [LegalProcess] {
        guard let place = place(jurisdiction) else { return [] }
        return LegalProcess.allCases.filter { !runs[place * Self.processCount + $0.declarationIndex].isEmpty }
    }

    /// The totals of every process over every jurisdiction, by `declarationIndex`: the `WORLD`
    /// figures' for a process `WORLD` gives itself (or that no country covers), the countries'
    /// added up otherwise; nil where no figure covers a process.
    public func totals(_ measure: Measure, subject: RequestSubject = .accounts) -> [HierarchySum?] {
        var world = [[Int]](repeating: [], count: Self.processCount), countries = world
        var uses: [(index: Int, processes: UInt32)] = []
        for place in jurisdictionList.indices where subjectBits[place] & Self.bit(subject) != 0 {
            uses.removeAll(keepingCapacity: true)
            appendUses(at: place, measure, subject, to: &uses)
            let isWorld = jurisdictionList[place] == .world
            for (index, processes) in uses {
                var bits = processes
                while bits != 0 {
                    let slot = bits.trailingZeroBitCount
                    bits &= bits - 1
                    if isWorld {
                        world[slot].append(index)
                    } else {
                        if countries[slot].isEmpty { countries[slot].reserveCapacity(order.count) }
                        countries[slot].append(index)
                    }
                }
            }
        }
        return world.indices.map { slot in
            let worldGivesIt = world[slot].contains { figures[$0].process.declarationIndex == slot }
            let counted = worldGivesIt || countries[slot].isEmpty ? world[slot] : countries[slot]
            return counted.isEmpty ? nil : HierarchySum(figures: figures, counted: counted, for: Self.processes[slot])
        }
    }

    /// The total of `process` in one jurisdiction; nil when no figure covers it.
    public func total(
        _ process: LegalProcess, _ measure: Measure, subject: RequestSubject = .accounts, in jurisdiction: Jurisdiction
    ) -> HierarchySum? {
        guard let place = place(jurisdiction) else { return nil }
        let counted = counted(process, at: place, measure, subject)
        return counted.isEmpty ? nil : HierarchySum(figures: figures, counted: counted, for: process)
    }

    /// The figures that make up `process`'s total in the jurisdiction at `place`.
    func counted(_ process: LegalProcess, at place: Int, _ measure: Measure, _ subject: RequestSubject) -> [Int] {
        var uses: [(index: Int, processes: UInt32)] = []
        appendUses(at: place, measure, subject, to: &uses)
        let bit = UInt32(1) << UInt32(process.declarationIndex)
        return uses.filter { $0.processes & bit != 0 }.map(\.index)
    }

    /// Appends each figure the jurisdiction at `place` counts, with the processes it counts
    /// towards (as bits): a process uses its own figures (one, its categories, or the unlabelled
    /// total beside them), and a figure also counts towards each process above its own up to
    /// the first that has a figure of its own there.
    func appendUses(at place: Int, _ measure: Measure, _ subject: RequestSubject, to uses: inout [(index: Int, processes: UInt32)]) {
        let start = uses.count
        var own: UInt32 = 0
        var present = measureBits[2 * place + (measure == .requests ? 0 : 1)]
        while present != 0 {
            let process = Self.processes[present.trailingZeroBitCount]
            present &= present - 1
            let first = uses.count
            for position in runs[place * Self.processCount + process.declarationIndex] {
                let index = order[position]
                if figures[index].measure == measure && figures[index].subject == subject { uses.append((index, 0)) }
            }
            guard uses.count > first else { continue }
            own |= 1 << UInt32(process.declarationIndex)
            if uses.count - first > 1, let total = uses[first...].first(where: { figures[$0.index].publishedAs == nil }) {
                uses.removeSubrange(first...)
                uses.append(total)
            }
        }
        for use in start..<uses.count {
            var step: LegalProcess? = figures[uses[use].index].process
            while let current = step {
                uses[use].processes |= 1 << UInt32(current.declarationIndex)
                step = current.parent
                if let parent = step, own & 1 << UInt32(parent.declarationIndex) != 0 { break }
            }
        }
    }

    /// The position of `jurisdiction` in `jurisdictionList`, found by halving.
    func place(_ jurisdiction: Jurisdiction) -> Int? {
        var low = 0, high = jurisdictionList.count
        while low < high {
            let middle = (low + high) / 2
            if jurisdictionList[middle] < jurisdiction { low = middle + 1 } else { high = middle }
        }
        return low < jurisdictionList.count && jurisdictionList[low] == jurisdiction ? low : nil
    }

    /// The figures of `process`, `measure` and `subject` in the jurisdiction at `place`.
    func ownFigures(_ process: LegalProcess, _ measure: Measure, _ subject: RequestSubject, at place: Int) -> [Int] {
        var own: [Int] = []
        for position in runs[place * Self.processCount + process.declarationIndex] {
            let index = order[position]
            if figures[index].measure == measure && figures[index].subject == subject { own.append(index) }
        }
        return own
    }
}
