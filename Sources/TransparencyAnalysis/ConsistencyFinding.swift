import TransparencyModel

/// Something in a company's figures that doesn't add up, found by `FigureAudit`: what it is,
/// the figure it is about, and the figures it was compared with.
public struct ConsistencyFinding: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A total's parts add up to more than the total.
        case partsExceedTotal = "parts-exceed-total"
        /// A total's parts, all of them published, add up to less than the total.
        case partsShortOfTotal = "parts-short-of-total"
        /// The countries' totals add up to more than the worldwide total.
        case countriesExceedWorld = "countries-exceed-world"
        /// A published percentage differs from the one its counts give.
        case percentageMismatch = "percentage-mismatch"
        /// One figure is given for periods that overlap.
        case overlappingPeriods = "overlapping-periods"
        /// A half-year without figures between two with figures.
        case cadenceGap = "cadence-gap"
        /// An edition gave another value than the one the report uses.
        case restatement
        /// An exact value outside the band another edition gave for the same figure.
        case outsideBand = "outside-band"
    }

    public var kind: Kind
    public var period: Period
    /// What was found, with the figures it compares ("…add up to 70,000 requests, more than the
    /// published total of 69,761").
    public var message: String
    /// The figure the finding is about.
    public var figure: RequestFigure.Key
    /// The figures it was compared with.
    public var compared: [RequestFigure.Key]

    public init(kind: Kind, period: Period, message: String, figure: RequestFigure.Key, compared: [RequestFigure.Key] = []) {
        self.kind = kind
        self.period = period
        self.message = message
        self.figure = figure
        self.compared = compared
    }
}
