/// What requests asked about: user accounts (most reports) or devices (Apple's device requests).
public enum RequestSubject: String, CaseIterable, Hashable, Comparable, Sendable {
    case accounts
    case devices

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
