import TransparencyModel

/// One period's figures of a company: their indices, in key order, and their arrangement by
/// jurisdiction and process. Made once, for the report's sums and the audit alike.
public struct PeriodFigures: Sendable {
    public var period: Period
    public var indices: [Int]
    public var hierarchy: RequestHierarchy

    /// Each period's figures, in date order.
    public static func split(_ figures: [RequestFigure]) -> [PeriodFigures] {
        // Figures in key order come period by period: a run is added at once.
        var byPeriod: [Period: [Int]] = [:]
        var lastPeriod: Period?, run: [Int] = []
        for index in figures.indices {
            let period = figures[index].period
            if period != lastPeriod, let lastPeriod {
                byPeriod[lastPeriod, default: []] += run
                run.removeAll(keepingCapacity: true)
            }
            lastPeriod = period
            run.append(index)
        }
        if let lastPeriod { byPeriod[lastPeriod, default: []] += run }
        return byPeriod.keys.sorted().map { period in
            let indices = byPeriod[period] ?? []
            return PeriodFigures(period: period, indices: indices, hierarchy: RequestHierarchy(figures: figures, indices: indices))
        }
    }
}
