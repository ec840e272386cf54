/// The legal process behind a request, in one vocabulary shared by all publishers.
public enum LegalProcess: String, CaseIterable, Hashable, Comparable, Sendable {
    /// All processes together, as most publishers report totals.
    case all
    case subpoena
    case searchWarrant = "search-warrant"
    case courtOrder = "court-order"
    case penRegister = "pen-register"
    case wiretap
    case emergency
    case preservation
    case mlat
    case nationalSecurityLetter = "nsl"
    case fisaContent = "fisa-content"
    case fisaNonContent = "fisa-non-content"
    /// National-security requests combined in one band (June 2013 onwards).
    case nationalSecurityCombined = "national-security"
    case other

    /// The name used in reports.
    public var label: String {
        switch self {
        case .all: "All legal processes"
        case .subpoena: "Subpoena"
        case .searchWarrant: "Search warrant"
        case .courtOrder: "Court order (other)"
        case .penRegister: "Pen register / trap and trace"
        case .wiretap: "Wiretap (Title III)"
        case .emergency: "Emergency disclosure"
        case .preservation: "Preservation request"
        case .mlat: "MLAT / diplomatic"
        case .nationalSecurityLetter: "National security letter"
        case .fisaContent: "FISA content"
        case .fisaNonContent: "FISA non-content"
        case .nationalSecurityCombined: "National security (combined band)"
        case .other: "Other"
        }
    }

    public static func < (lhs: LegalProcess, rhs: LegalProcess) -> Bool {
        lhs.declarationIndex < rhs.declarationIndex
    }

    /// The case's position in the declaration, the vocabulary's order (compared without searching `allCases`).
    public var declarationIndex: Int {
        switch self {
        case .all: 0
        case .subpoena: 1
        case .searchWarrant: 2
        case .courtOrder: 3
        case .penRegister: 4
        case .wiretap: 5
        case .emergency: 6
        case .preservation: 7
        case .mlat: 8
        case .nationalSecurityLetter: 9
        case .fisaContent: 10
        case .fisaNonContent: 11
        case .nationalSecurityCombined: 12
        case .other: 13
        }
    }
}
