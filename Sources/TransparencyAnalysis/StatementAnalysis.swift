import TransparencyModel

/// A statement with its claims spelt out and the evidence that bears on them.
public struct StatementAnalysis: Sendable {
    /// One claim of the statement, resolved against the vocabulary.
    public struct ClaimEntry: Sendable {
        public var claim: Claim
        /// Names of the services the claim covers; empty for all services.
        public var serviceNames: [String]
    }

    /// Evidence bearing on one of the statement's claims.
    public struct Related: Sendable {
        public var evidence: Evidence
        public var claim: Claim
        public var stance: Evidence.Stance
        /// What the evidence reports that bears on the claim.
        public var reason: String
    }

    public var statement: Statement
    public var claims: [ClaimEntry]
    /// Related evidence in date order.
    public var related: [Related]
}
