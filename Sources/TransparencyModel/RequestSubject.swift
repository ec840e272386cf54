/// What requests asked about: user accounts (most reports), devices (Apple's device requests),
/// or either, counted together (Apple's first statement, June 2013: "accounts or devices").
public enum RequestSubject: String, CaseIterable, Hashable, Comparable, Sendable {
    case accounts
    case accountsOrDevices = "accounts-or-devices"
    case devices

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
