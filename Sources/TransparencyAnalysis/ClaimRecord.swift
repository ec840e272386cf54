import TransparencyModel

/// What a company said about one claim over time: the first and last statements that make it,
/// how many do, and the statement that withdrew or reversed it where the data records one.
///
/// A claim that later statements don't repeat has not been withdrawn: it is "not repeated
/// since" its last statement, and no more than that.
public struct ClaimRecord: Sendable {
    public var claim: Claim
    public var first: DataDate
    public var last: DataDate
    public var statementCount: Int
    /// The statement that withdrew or reversed the claim, explicitly, on or after its last one.
    public var withdrawal: Statement?
    /// Later statements (in the span read) don't repeat the claim, and none withdrew it.
    public var notRepeatedSince: Bool

    /// What the record says after the dates, for readers.
    public var status: String {
        if let withdrawal { return "withdrawn on \(withdrawal.date.longDescription)" }
        return notRepeatedSince ? "not repeated in later statements (not withdrawn)" : "stated in the latest statement"
    }

    /// The claims `company` made in its statements from `from` to `to` (every statement when
    /// nil), in the order first made.
    public static func records(of company: CompanyID, in dataset: Dataset, from: DataDate? = nil, to: DataDate? = nil) -> [ClaimRecord] {
        let statements = dataset.statements(of: company)
            .filter { statement in
                (from.map { statement.date.lastDay >= $0.firstDay } ?? true) && (to.map { statement.date.firstDay <= $0.lastDay } ?? true)
            }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        var records: [ClaimRecord] = [], index: [ClaimID: Int] = [:]
        for statement in statements {
            for made in Set(statement.claims.map(\.claim)).sorted() {
                if let found = index[made] {
                    records[found].last = statement.date
                    records[found].statementCount += 1
                } else if let claim = dataset.claims[made] {
                    index[made] = records.count
                    records.append(ClaimRecord(
                        claim: claim, first: statement.date, last: statement.date, statementCount: 1, withdrawal: nil, notRepeatedSince: false))
                }
            }
            for withdrawn in statement.withdraws {
                guard let found = index[withdrawn], records[found].withdrawal == nil, records[found].last <= statement.date else { continue }
                records[found].withdrawal = statement
            }
        }
        let latest = statements.last?.date
        for position in records.indices where records[position].withdrawal == nil {
            records[position].notRepeatedSince = latest.map { records[position].last < $0 } ?? false
        }
        return records
    }
}
