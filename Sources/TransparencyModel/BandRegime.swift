/// The rules under which a US company published national-security request figures, which
/// decide how wide its bands are.
public enum BandRegime: String, CaseIterable, Hashable, Sendable {
    /// June 2013: all US requests (criminal and national security) together, in bands of 1,000.
    case combined1000 = "combined-1000"
    /// January 2014 onwards: NSLs, FISA content and FISA non-content apart, in bands of 1,000.
    case separate1000 = "separate-1000"
    /// January 2014 onwards: all national-security requests in one band of 250.
    case combined250 = "combined-250"
    /// USA FREEDOM Act (2015) onwards: NSLs, FISA content and FISA non-content apart, in bands of 500.
    case separate500 = "separate-500"

    /// How the regime is described in reports.
    public var label: String {
        switch self {
        case .combined1000: "all US requests combined, bands of 1,000 (June 2013 agreement)"
        case .separate1000: "each kind apart, bands of 1,000 (January 2014 rules)"
        case .combined250: "all national-security requests combined, bands of 250 (2014 rules)"
        case .separate500: "each kind apart, bands of 500 (USA FREEDOM Act, 2015)"
        }
    }

    /// The regime a published band implies, if any: the narrowest band width (250, 500, 1,000)
    /// whose band ending at the range's maximum contains the whole range, taken with whether the
    /// process is one combined figure or one kind of request. A US total (`all`) in a band of
    /// 1,000 is the June 2013 rule's: criminal and national-security requests together.
    public static func inferred(for count: Count, process: LegalProcess, jurisdiction: Jurisdiction? = nil) -> BandRegime? {
        guard case .range(let minimum, let maximum) = count else { return nil }
        let combined: Bool
        switch process {
        case .nationalSecurityCombined: combined = true
        case .all:
            let us = Jurisdiction(code: "US")
            // Written "0-999" by some, "11,000 - 12,000" by others.
            let thousand = minimum % 1000 == 0 && (maximum - minimum == 999 || maximum - minimum == 1000)
            return jurisdiction == us && thousand ? .combined1000 : nil
        case .nationalSecurityLetter, .fisaContent, .fisaNonContent: combined = false
        default: return nil
        }
        for width in [250, 500, 1000] where (maximum + 1) % width == 0 && maximum + 1 - width <= minimum {
            switch (combined, width) {
            case (true, 250): return .combined250
            case (true, 1000): return .combined1000
            case (false, 500): return .separate500
            case (false, 1000): return .separate1000
            default: continue
            }
        }
        return nil
    }
}
