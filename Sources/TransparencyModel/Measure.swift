/// What a request figure counts. Each publisher's columns map onto these.
public enum Measure: String, CaseIterable, Hashable, Comparable, Sendable {
    case requests
    case accounts
    case requestsWithData = "requests-with-data"
    case contentDisclosed = "content-disclosed"
    case nonContentOnly = "non-content-only"
    case noDataFound = "no-data-found"
    case rejected
    case percentWithData = "percent-with-data"

    /// Whether the measure is a percentage rather than a count.
    public var isPercentage: Bool { self == .percentWithData }

    public static func < (lhs: Measure, rhs: Measure) -> Bool {
        lhs.declarationIndex < rhs.declarationIndex
    }

    /// The case's position in the declaration, the vocabulary's order (compared without searching `allCases`).
    public var declarationIndex: Int {
        switch self {
        case .requests: 0
        case .accounts: 1
        case .requestsWithData: 2
        case .contentDisclosed: 3
        case .nonContentOnly: 4
        case .noDataFound: 5
        case .rejected: 6
        case .percentWithData: 7
        }
    }
}
