/// The legal process behind a request, in one vocabulary shared by all publishers.
///
/// The processes form a hierarchy (`parent`): `all` holds `legal-process` and `emergency`, and
/// `legal-process` holds the processes that compel disclosure (subpoena, search warrant, …).
/// Preservation requests and US national-security requests stand apart: no total holds them.
public enum LegalProcess: String, CaseIterable, Hashable, Comparable, Sendable {
    /// All requests together: legal process and emergency requests.
    case all
    /// Requests made with legal process, emergency requests left out (Meta's "legal process
    /// requests", Apple's account requests).
    case legalProcess = "legal-process"
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
        case .all: "All requests"
        case .legalProcess: "Legal process (total)"
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
        case .legalProcess: 1
        case .subpoena: 2
        case .searchWarrant: 3
        case .courtOrder: 4
        case .penRegister: 5
        case .wiretap: 6
        case .emergency: 7
        case .preservation: 8
        case .mlat: 9
        case .nationalSecurityLetter: 10
        case .fisaContent: 11
        case .fisaNonContent: 12
        case .nationalSecurityCombined: 13
        case .other: 14
        }
    }

    /// The process whose total holds this one's requests; nil for `all` and for the processes
    /// that no total holds (preservation, national security).
    public var parent: LegalProcess? {
        switch self {
        case .all, .preservation, .nationalSecurityLetter, .fisaContent, .fisaNonContent, .nationalSecurityCombined: nil
        case .legalProcess, .emergency: .all
        case .subpoena, .searchWarrant, .courtOrder, .penRegister, .wiretap, .mlat, .other: .legalProcess
        }
    }

    /// The processes whose parent this one is, in vocabulary order.
    public var children: [LegalProcess] { Self.childrenByIndex[declarationIndex] }

    private static let childrenByIndex: [[LegalProcess]] = allCases.map { process in allCases.filter { $0.parent == process } }
}
