/// What a claim in a statement is about: all of the company's services, or some of them.
public enum ClaimScope: Hashable, Sendable {
    case allServices
    case services([ServiceID])

    /// Whether the scope includes any of `services` (an empty list means the company as a whole).
    public func overlaps(_ services: [ServiceID]) -> Bool {
        switch self {
        case .allServices: true
        case .services(let own): services.isEmpty || own.contains(where: services.contains)
        }
    }
}

/// A claim made in a statement, with its scope.
public struct StatementClaim: Hashable, Sendable {
    public var claim: ClaimID
    public var scope: ClaimScope

    public init(claim: ClaimID, scope: ClaimScope = .allServices) {
        self.claim = claim
        self.scope = scope
    }
}
