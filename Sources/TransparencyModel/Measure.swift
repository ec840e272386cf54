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

    /// What the measure counts, in words for readers.
    public var label: String {
        switch self {
        case .requests: "requests"
        case .accounts: "accounts specified"
        case .requestsWithData: "requests with some data produced"
        case .contentDisclosed: "requests where content was produced"
        case .nonContentOnly: "requests where only non-content data was produced"
        case .noDataFound: "requests where no data was found"
        case .rejected: "requests challenged or rejected"
        case .percentWithData: "share of requests with some data produced"
        }
    }

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
