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

    /// The change in `company`'s claims from `from` to `to`.
    public static func between(_ company: CompanyID, from: DataDate, to: DataDate, in dataset: Dataset) -> ClaimChanges {
        let positions = Positions(dataset.statements(of: company))
        return change(company, from: positions.position(on: from), to: positions.position(on: to), in: dataset)
    }

    /// The changes from each statement date of `company` to the next.
    public static func history(of company: CompanyID, in dataset: Dataset) -> [ClaimChanges] {
        let positions = Positions(dataset.statements(of: company))
        let dates = positions.dates
        return zip(dates, dates.dropFirst()).map { from, to in
            change(company, from: positions.position(on: from), to: positions.position(on: to), in: dataset)
        }.filter { !$0.isEmpty }
    }

    private static func change(
        _ company: CompanyID, from before: (date: DataDate?, claims: Set<ClaimID>), to after: (date: DataDate?, claims: Set<ClaimID>),
        in dataset: Dataset
    ) -> ClaimChanges {
        func claims(_ ids: Set<ClaimID>) -> [Claim] { ids.sorted().compactMap { dataset.claims[$0] } }
        return ClaimChanges(
            company: company, fromStatementDate: before.date, toStatementDate: after.date,
            added: claims(after.claims.subtracting(before.claims)), dropped: claims(before.claims.subtracting(after.claims)),
            kept: claims(before.claims.intersection(after.claims)))
    }

    /// A company's claims on each of its statement dates, gathered once (the history asks for
    /// two positions per date).
    private struct Positions {
        /// The statement dates, in order.
        let dates: [DataDate]
        let claims: [DataDate: Set<ClaimID>]

        init(_ statements: [Statement]) {
            var claims: [DataDate: Set<ClaimID>] = [:]
            for statement in statements { claims[statement.date, default: []].formUnion(statement.claims.map(\.claim)) }
            self.claims = claims
            dates = claims.keys.sorted()
        }

        /// The last statement date whose first day is on or before `date`'s last day, and its
        /// claims. A later date never starts earlier, so those dates are the first ones in order.
        func position(on date: DataDate) -> (date: DataDate?, claims: Set<ClaimID>) {
            guard let last = dates.last(where: { $0.firstDay <= date.lastDay }) else { return (nil, []) }
            return (last, claims[last] ?? [])
        }
    }
}
