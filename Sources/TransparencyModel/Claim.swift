/// An entry of the claim vocabulary (`denies-direct-access`), defined in `Data/claims.yaml`.
public struct Claim: Hashable, Sendable, Identifiable {
    public var id: ClaimID
    /// `Denies giving governments direct access`.
    public var label: String
    public var description: String?

    public init(id: ClaimID, label: String, description: String? = nil) {
        self.id = id
        self.label = label
        self.description = description
    }
}
