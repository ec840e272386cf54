import TransparencyModel

/// What the audit compares: each published total and the parts it is made of.
extension RequestHierarchy {
    /// The figure published as `process`'s total in one jurisdiction: its figure without a label,
    /// or its only figure. Nil when it has none, or only categories.
    public func published(
        _ process: LegalProcess, _ measure: Measure, subject: RequestSubject = .accounts, in jurisdiction: Jurisdiction
    ) -> Int? {
        guard let place = place(jurisdiction) else { return nil }
        let own = ownFigures(process, measure, subject, at: place)
        return own.count == 1 ? own[0] : own.first { figures[$0].publishedAs == nil }
    }

    /// What `process`'s published total in one jurisdiction is made of: its categories, or else
    /// its children's totals; and whether every part is there (every child has a total, which
    /// can't be known of categories). Nil when there are no parts.
    public func parts(
        of process: LegalProcess, _ measure: Measure, subject: RequestSubject = .accounts, in jurisdiction: Jurisdiction
    ) -> (sum: HierarchySum, complete: Bool)? {
        guard let place = place(jurisdiction) else { return nil }
        let own = ownFigures(process, measure, subject, at: place)
        if own.count > 1 {
            let categories = own.filter { figures[$0].publishedAs != nil }
            return categories.isEmpty ? nil : (HierarchySum(figures: figures, counted: categories), false)
        }
        var counted: [Int] = [], complete = true
        for child in process.children {
            let parts = self.counted(child, at: place, measure, subject)
            if parts.isEmpty { complete = false } else { counted += parts }
        }
        return counted.isEmpty ? nil : (HierarchySum(figures: figures, counted: counted), complete)
    }

    /// A published total and what it is made of (`parts(of:)`), in one jurisdiction.
    public struct TotalWithParts: Sendable {
        public var jurisdiction: Jurisdiction
        public var process: LegalProcess
        /// The index of the published total.
        public var total: Int
        public var parts: HierarchySum
        public var complete: Bool
    }

    /// Every published total of `measure` and `subject` that has parts (children with figures,
    /// or categories), jurisdiction by jurisdiction: what an audit compares.
    public func totalsWithParts(_ measure: Measure, subject: RequestSubject) -> [TotalWithParts] {
        // Nothing to compare without a process that holds others, or a process in categories.
        guard processBits & Self.holders != 0 || hasCategories else { return [] }
        var found: [TotalWithParts] = []
        for place in jurisdictionList.indices where subjectBits[place] & Self.bit(subject) != 0 {
            for process in LegalProcess.allCases {
                let run = runs[place * Self.processCount + process.declarationIndex]
                // A process without children has parts only when it has categories beside its total.
                guard !run.isEmpty, !process.children.isEmpty || run.count > 1 else { continue }
                let jurisdiction = jurisdictionList[place]
                guard let total = published(process, measure, subject: subject, in: jurisdiction),
                      let (parts, complete) = parts(of: process, measure, subject: subject, in: jurisdiction) else { continue }
                found.append(TotalWithParts(jurisdiction: jurisdiction, process: process, total: total, parts: parts, complete: complete))
            }
        }
        return found
    }
}
