import TransparencyModel

/// A company's request figures for one period, one row per jurisdiction and legal process.
public struct FigureTable: Sendable {
    /// The measures of one jurisdiction and legal process.
    public struct Row: Sendable {
        public var jurisdiction: Jurisdiction
        public var process: LegalProcess
        public var values: [Measure: FigureValue]
        public var sources: [SourceID]
    }

    public var period: Period
    /// The measures any row has, in vocabulary order: the table's columns.
    public var measures: [Measure]
    /// Rows ordered by jurisdiction name (all jurisdictions first), then legal process.
    public var rows: [Row]

    private static func rank(_ jurisdiction: Jurisdiction) -> Int { jurisdiction == .world ? 0 : 1 }

    /// Groups figures by period, latest period first.
    public static func tables(for figures: [RequestFigure]) -> [FigureTable] {
        let byPeriod = Dictionary(grouping: figures, by: \.period)
        return byPeriod.keys.sorted(by: >).map { period in
            let figures = byPeriod[period] ?? []
            struct Key: Hashable { let jurisdiction: Jurisdiction; let process: LegalProcess }
            let byRow = Dictionary(grouping: figures) { Key(jurisdiction: $0.jurisdiction, process: $0.process) }
            let rows = byRow.keys.sorted { (rank($0.jurisdiction), $0.jurisdiction.name, $0.process) < (rank($1.jurisdiction), $1.jurisdiction.name, $1.process) }.map { key in
                let cells = byRow[key] ?? []
                return Row(
                    jurisdiction: key.jurisdiction, process: key.process,
                    values: Dictionary(cells.map { ($0.measure, $0.value) }, uniquingKeysWith: { first, _ in first }),
                    sources: Array(Set(cells.flatMap(\.sources))).sorted())
            }
            let measures = Set(figures.map(\.measure)).sorted()
            return FigureTable(period: period, measures: measures, rows: rows)
        }
    }
}
