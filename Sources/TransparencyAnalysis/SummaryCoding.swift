import TransparencyModel

/// A summary is kept between builds for the companies that did not change (see
/// `SitePlan`): its comparison lines are written as one short text each, as JSON of their
/// nested values took a quarter of a second to read back for 500 companies.
extension CompanySummary: Codable {
    private enum CodingKeys: String, CodingKey {
        case company, statementCount, firstStatement, lastStatement, evidenceCount, contradictingCount, latestPeriod
        case figureCount, comparisonRows
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var rows: [Period: ComparisonLine] = [:]
        for (period, line) in try container.decode([String: ComparisonLine].self, forKey: .comparisonRows) {
            guard let period = Period(parsing: period) else {
                throw DecodingError.dataCorruptedError(forKey: .comparisonRows, in: container, debugDescription: "not a period: \(period)")
            }
            rows[period] = line
        }
        self.init(
            company: try container.decode(CompanyID.self, forKey: .company),
            statementCount: try container.decode(Int.self, forKey: .statementCount),
            firstStatement: try container.decodeIfPresent(DataDate.self, forKey: .firstStatement),
            lastStatement: try container.decodeIfPresent(DataDate.self, forKey: .lastStatement),
            evidenceCount: try container.decode(Int.self, forKey: .evidenceCount),
            contradictingCount: try container.decode(Int.self, forKey: .contradictingCount),
            latestPeriod: try container.decodeIfPresent(Period.self, forKey: .latestPeriod),
            figureCount: try container.decode(Int.self, forKey: .figureCount), comparisonRows: rows)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(company, forKey: .company)
        try container.encode(statementCount, forKey: .statementCount)
        try container.encodeIfPresent(firstStatement, forKey: .firstStatement)
        try container.encodeIfPresent(lastStatement, forKey: .lastStatement)
        try container.encode(evidenceCount, forKey: .evidenceCount)
        try container.encode(contradictingCount, forKey: .contradictingCount)
        try container.encodeIfPresent(latestPeriod, forKey: .latestPeriod)
        try container.encode(figureCount, forKey: .figureCount)
        let rows = Dictionary(uniqueKeysWithValues: comparisonRows.map { ($0.key.description, $0.value) })
        try container.encode(rows, forKey: .comparisonRows)
    }
}

/// A comparison line as `<requests>|<accounts>|<process>=<count>,…|<source>,…`, each total as
/// `<count>/<parts not reported>` (`/<n>` when no part was reported, `~` for none). Ids, counts
/// and process names hold none of the separators.
extension CompanySummary.ComparisonLine: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let fields = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        var security: [LegalProcess: Count] = [:]
        for pair in fields.count == 4 ? fields[2].split(separator: ",") : [] {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let process = LegalProcess(rawValue: parts[0]), let count = Count(parsing: parts[1]) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a comparison line: \(text)")
            }
            security[process] = count
        }
        guard fields.count == 4, let requests = Self.total(fields[0]), let accounts = Self.total(fields[1]) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a comparison line: \(text)")
        }
        self.init(
            requests: requests, accounts: accounts, nationalSecurity: security,
            sources: fields[3].split(separator: ",").map { SourceID(String($0)) })
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        let security = nationalSecurity.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }
        try container.encode([
            Self.text(requests), Self.text(accounts), security.joined(separator: ","),
            sources.map(\.rawValue).joined(separator: ","),
        ].joined(separator: "|"))
    }

    private static func text(_ total: RequestTotals.Total?) -> String {
        guard let total else { return "~" }
        return "\(total.reported?.description ?? "")/\(total.unreported)"
    }

    /// Nil when the text is not a total; `.some(nil)` for none.
    private static func total(_ text: String) -> RequestTotals.Total?? {
        if text == "~" { return .some(nil) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let unreported = Int(parts[1]) else { return nil }
        if parts[0].isEmpty { return .some(RequestTotals.Total(reported: nil, unreported: unreported)) }
        guard let reported = Count(parsing: parts[0]) else { return nil }
        return .some(RequestTotals.Total(reported: reported, unreported: unreported))
    }
}
