import TransparencyModel

/// One period's figures arranged by subject, jurisdiction and legal process, so that totals are
/// made without counting anything twice:
///
/// - A published figure is used as published. A process without one gets the sum of its
///   children (`LegalProcess.parent`), found the same way; a total is never added to its parts.
/// - Figures of one process under different publisher labels (Meta's "Court Order (Other)" and
///   "Court Order (18 USC 2703(d))") are its categories, and add up to it; a figure of the
///   process without a label is its total, and is used alone.
/// - Across jurisdictions, the publisher's `WORLD` figure is used when it has one; otherwise
///   the countries' own totals are added up.
///
/// Each sum keeps the figures it counted, so that it can say how it was obtained and what it
/// covers (`HierarchySum`).
public struct RequestHierarchy: Sendable {
    /// The indices of one jurisdiction's figures, by process and measure.
    private struct Slots: Sendable {
        var figures = [[Int]](repeating: [], count: 2 * LegalProcess.allCases.count)
    }

    private let figures: [RequestFigure]
    private var bySubject: [RequestSubject: [Jurisdiction: Slots]] = [:]

    /// Arranges the figures at `indices` (one period's), counting requests and accounts.
    public init(figures: [RequestFigure], indices: some Sequence<Int>) {
        self.figures = figures
        for index in indices {
            let figure = figures[index]
            let measure: Int
            switch figure.measure {
            case .requests: measure = 0
            case .accounts: measure = 1
            default: continue
            }
            bySubject[figure.subject, default: [:]][figure.jurisdiction, default: Slots()]
                .figures[2 * figure.process.declarationIndex + measure].append(index)
        }
    }

    /// The subjects with figures, in vocabulary order.
    public var subjects: [RequestSubject] { bySubject.keys.sorted() }

    /// The jurisdictions with figures of `subject` (`WORLD` among them when published).
    public func jurisdictions(_ subject: RequestSubject) -> [Jurisdiction] {
        (bySubject[subject] ?? [:]).keys.sorted()
    }

    /// The total of `process` over every jurisdiction: the `WORLD` figures' when there are any,
    /// the countries' added up otherwise. Nil when no figure covers it.
    public func total(_ process: LegalProcess, _ measure: Measure, subject: RequestSubject = .accounts) -> HierarchySum? {
        guard let groups = bySubject[subject] else { return nil }
        if let world = groups[.world], let counted = countedFigures(process, measure, in: world), !counted.isEmpty {
            return HierarchySum(figures: figures, counted: counted)
        }
        var counted: [Int] = []
        for jurisdiction in groups.keys.sorted() where jurisdiction != .world {
            counted += groups[jurisdiction].flatMap { countedFigures(process, measure, in: $0) } ?? []
        }
        return counted.isEmpty ? nil : HierarchySum(figures: figures, counted: counted)
    }

    /// The total of `process` in one jurisdiction; nil when no figure covers it.
    public func total(
        _ process: LegalProcess, _ measure: Measure, subject: RequestSubject = .accounts, in jurisdiction: Jurisdiction
    ) -> HierarchySum? {
        guard let slots = bySubject[subject]?[jurisdiction], let counted = countedFigures(process, measure, in: slots) else { return nil }
        return HierarchySum(figures: figures, counted: counted)
    }

    /// The figure published as `process`'s total in one jurisdiction: its figure without a label,
    /// or its only figure. Nil when it has none, or only categories.
    public func published(
        _ process: LegalProcess, _ measure: Measure, subject: RequestSubject = .accounts, in jurisdiction: Jurisdiction
    ) -> Int? {
        guard let own = bySubject[subject]?[jurisdiction]?.figures[2 * process.declarationIndex + (measure == .requests ? 0 : 1)] else {
            return nil
        }
        return own.count == 1 ? own[0] : own.first { figures[$0].publishedAs == nil }
    }

    /// What `process`'s published total in one jurisdiction is made of: its categories, or else
    /// its children's totals; and whether every part is there (every child has a total, which
    /// can't be known of categories). Nil when there are no parts.
    public func parts(
        of process: LegalProcess, _ measure: Measure, subject: RequestSubject = .accounts, in jurisdiction: Jurisdiction
    ) -> (sum: HierarchySum, complete: Bool)? {
        guard let slots = bySubject[subject]?[jurisdiction] else { return nil }
        let own = slots.figures[2 * process.declarationIndex + (measure == .requests ? 0 : 1)]
        if own.count > 1 {
            let categories = own.filter { figures[$0].publishedAs != nil }
            return categories.isEmpty ? nil : (HierarchySum(figures: figures, counted: categories), false)
        }
        var counted: [Int] = [], complete = true
        for child in process.children {
            if let parts = countedFigures(child, measure, in: slots) { counted += parts } else { complete = false }
        }
        return counted.isEmpty ? nil : (HierarchySum(figures: figures, counted: counted), complete)
    }

    /// The figures that make up `process`'s total in one jurisdiction: its own (one figure, or its
    /// categories), or else its children's, found the same way.
    private func countedFigures(_ process: LegalProcess, _ measure: Measure, in slots: Slots) -> [Int]? {
        let own = slots.figures[2 * process.declarationIndex + (measure == .requests ? 0 : 1)]
        if own.count > 1, let total = own.first(where: { figures[$0].publishedAs == nil }) { return [total] }
        if !own.isEmpty { return own }
        var parts: [Int] = []
        for child in process.children { parts += countedFigures(child, measure, in: slots) ?? [] }
        return parts.isEmpty ? nil : parts
    }
}
