/// A product of a company (Skype, Outlook.com), with its owners over time.
public struct Service: Hashable, Sendable, Identifiable {
    public var id: ServiceID
    public var name: String
    /// Earlier or other names (Hotmail for Outlook.com).
    public var aliases: [String]
    /// Owners in date order.
    public var ownership: [Ownership]

    public init(id: ServiceID, name: String, aliases: [String] = [], ownership: [Ownership] = []) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.ownership = ownership
    }

    /// The owner on `date`, if the record covers it.
    public func owner(on date: DataDate) -> Ownership? {
        ownership.first { $0.covers(date) }
    }
}
