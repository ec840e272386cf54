/// One figure as one edition gave it: the value, the sources, and when the edition was
/// published. A figure keeps its earlier editions (`RequestFigure.earlierEditions`), so that a
/// restatement is shown with both values rather than lost or counted twice.
public struct FigureEdition: Hashable, Sendable {
    public var value: FigureValue
    public var sources: [SourceID]
    public var edition: DataDate

    public init(value: FigureValue, sources: [SourceID], edition: DataDate) {
        self.value = value
        self.sources = sources
        self.edition = edition
    }
}
