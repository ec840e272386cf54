import TransparencyModel

/// Which claims a company added and dropped between two dates.
///
/// A company's position on a date is the set of claims in the statements it made on its most
/// recent statement date up to then: what it last said. The change between two dates compares
/// the two positions.
public struct ClaimChanges: Sendable {
    public var company: CompanyID
    /// The statement dates the two positions come from (nil: nothing said yet).
    public var fromStatementDate: DataDate?
    public var toStatementDate: DataDate?
    public var added: [Claim]
    public var dropped: [Claim]
    /// Claims in both positions.
    public var kept: [Claim]

    public var isEmpty: Bool { added.isEmpty && dropped.isEmpty }

    /// The claims of `company`'s statements on its last statement date on or before `date`.
    public static func position(of company: CompanyID, on date: DataDate, in dataset: Dataset) -> (date: DataDate?, claims: Set<ClaimID>) {
        let said = dataset.statements(of: company).filter { $0.date.firstDay <= date.lastDay }
        guard let last = said.map(\.date).max() else { return (nil, []) }
        return (last, Set(said.filter { $0.date == last }.flatMap { $0.claims.map(\.claim) }))
    }

    /// The change in `company`'s claims from `from` to `to`.
    public static func between(_ company: CompanyID, from: DataDate, to: DataDate, in dataset: Dataset) -> ClaimChanges {
        let before = position(of: company, on: from, in: dataset), after = position(of: company, on: to, in: dataset)
        func claims(_ ids: Set<ClaimID>) -> [Claim] { ids.sorted().compactMap { dataset.claims[$0] } }
        return ClaimChanges(
            company: company, fromStatementDate: before.date, toStatementDate: after.date,
            added: claims(after.claims.subtracting(before.claims)), dropped: claims(before.claims.subtracting(after.claims)),
            kept: claims(before.claims.intersection(after.claims)))
    }

    /// The changes from each statement date of `company` to the next.
    public static func history(of company: CompanyID, in dataset: Dataset) -> [ClaimChanges] {
        let dates = Set(dataset.statements(of: company).map(\.date)).sorted()
        return zip(dates, dates.dropFirst()).map { between(company, from: $0, to: $1, in: dataset) }.filter { !$0.isEmpty }
    }
}
