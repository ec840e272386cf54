/// One published measure of government requests to a company.
public struct RequestFigure: Hashable, Sendable {
    public var company: CompanyID
    public var period: Period
    public var jurisdiction: Jurisdiction
    public var process: LegalProcess
    public var measure: Measure
    public var value: FigureValue
    public var sources: [SourceID]

    public init(
        company: CompanyID, period: Period, jurisdiction: Jurisdiction, process: LegalProcess,
        measure: Measure, value: FigureValue, sources: [SourceID]
    ) {
        self.company = company
        self.period = period
        self.jurisdiction = jurisdiction
        self.process = process
        self.measure = measure
        self.value = value
        self.sources = sources
    }
}
