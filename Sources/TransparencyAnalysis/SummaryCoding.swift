import TransparencyModel

/// A summary is kept between builds for the companies that did not change (see `SitePlan`),
/// as one text: its counts and dates, then each period with the company's comparison line,
/// separated by spaces, their fields by semicolons (characters that JSON leaves as they are,
/// and that no id, date or count holds): one string per company is quick to read back, where
/// JSON of the nested values was not.
extension CompanySummary: TextCodable {
    public var description: String {
        var lines = [[
            company.rawValue, String(statementCount), firstStatement?.description ?? "", lastStatement?.description ?? "",
            String(evidenceCount), String(challengingCount), latestPeriod?.description ?? "", String(figureCount),
        ].joined(separator: ";")]
        for (period, line) in comparisonRows.sorted(by: { $0.key < $1.key }) { lines.append("\(period);\(line.text)") }
        return lines.joined(separator: " ")
    }

    public init?(parsing text: String) {
        var text = text
        guard let summary = text.withUTF8({ bytes in
            var scanner = SummaryScanner(bytes: bytes)
            return scanner.summary()
        }) else { return nil }
        self = summary
    }
}

/// Reads a summary's text byte by byte: every company's summary is read back by each build that
/// makes the shared pages.
private struct SummaryScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func summary() -> CompanySummary? {
        let company = text(until: 0x3B), statements = number(until: 0x3B), first = text(until: 0x3B), last = text(until: 0x3B)
        let evidence = number(until: 0x3B), challenging = number(until: 0x3B), latest = text(until: 0x3B)
        guard let statements, let evidence, let challenging, let figures = number(until: 0x20) else { return nil }
        var rows: [Period: CompanySummary.ComparisonLine] = [:]
        var lastSources: (text: String, ids: [SourceID]) = ("", [])
        while position < bytes.count {
            guard let period = Period(parsing: text(until: 0x3B)), let requests = total(), let accounts = total() else { return nil }
            let coverageText = text(until: 0x7C)
            let coverage = Coverage(parsing: coverageText)
            guard coverage != nil || coverageText == "~" else { return nil }
            var security: [LegalProcess: Count] = [:]
            for pair in text(until: 0x7C).split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let process = LegalProcess(rawValue: parts[0]), let count = Count(parsing: parts[1]) else { return nil }
                security[process] = count
            }
            let sources = text(until: 0x20)
            if sources != lastSources.text { lastSources = (sources, sources.split(separator: ",").map { SourceID(String($0)) }) }
            rows[period] = CompanySummary.ComparisonLine(
                requests: requests, accounts: accounts, coverage: coverage, nationalSecurity: security, sources: lastSources.ids)
        }
        return CompanySummary(
            company: CompanyID(company), statementCount: statements, firstStatement: DataDate(parsing: first),
            lastStatement: DataDate(parsing: last), evidenceCount: evidence, challengingCount: challenging,
            latestPeriod: Period(parsing: latest), figureCount: figures, comparisonRows: rows)
    }

    /// The bytes up to `separator` (or the end), which is passed.
    private mutating func field(until separator: UInt8) -> UnsafeBufferPointer<UInt8> {
        let start = position
        while position < bytes.count, bytes[position] != separator { position += 1 }
        defer { position += 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<position])
    }

    private mutating func text(until separator: UInt8) -> String { String(decoding: field(until: separator), as: UTF8.self) }

    private mutating func number(until separator: UInt8) -> Int? { Self.number(field(until: separator)) }

    private static func number(_ digits: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= 48, digit <= 57 else { return nil }
            value = value * 10 + Int(digit - 48)
        }
        return value
    }

    /// A total up to `|`: `~`, or `<count>/<parts not reported>` with the count empty when none
    /// was reported. Nil when malformed; `.some(nil)` for none.
    private mutating func total() -> RequestTotals.Total?? {
        let field = field(until: 0x7C)
        if field.count == 1, field[0] == 0x7E { return .some(nil) }
        guard let slash = field.firstIndex(of: 0x2F), let unreported = Self.number(UnsafeBufferPointer(rebasing: field[(slash + 1)...])) else {
            return nil
        }
        let reported = UnsafeBufferPointer(rebasing: field[..<slash])
        if reported.isEmpty { return .some(RequestTotals.Total(reported: nil, unreported: unreported)) }
        let count: Count? = Self.number(reported).map { .exact($0) } ?? Count(parsing: String(decoding: reported, as: UTF8.self))
        guard let count else { return nil }
        return .some(RequestTotals.Total(reported: count, unreported: unreported))
    }
}

/// A comparison line as `<requests>|<accounts>|<coverage>|<process>=<count>,…|<source>,…`, each total as
/// `<count>/<parts not reported>` (`/<n>` when no part was reported, `~` for none, as is a missing
/// coverage). Ids, counts, coverages and process names hold none of the separators.
extension CompanySummary.ComparisonLine {
    /// The line as text, the same in every process.
    public var text: String {
        let security = nationalSecurity.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }
        return [Self.text(requests), Self.text(accounts), coverage?.description ?? "~", security.joined(separator: ","), sources.map(\.rawValue).joined(separator: ",")]
            .joined(separator: "|")
    }

    private static func text(_ total: RequestTotals.Total?) -> String {
        guard let total else { return "~" }
        return "\(total.reported?.description ?? "")/\(total.unreported)"
    }
}
