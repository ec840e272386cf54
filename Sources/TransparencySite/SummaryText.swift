import TransparencyAnalysis
import TransparencyModel

/// A company summary as compact text: a line of counts and dates, then a line per period with
/// the company's comparison line (its totals, national-security counts and sources), fields
/// separated by tabs. Values are ids, dates, periods and counts: none holds a tab or a newline.
enum SummaryText {
    static func encode(_ summary: CompanySummary) -> String {
        var lines = [[
            summary.company.rawValue, String(summary.statementCount), summary.firstStatement?.description ?? "",
            summary.lastStatement?.description ?? "", String(summary.evidenceCount), String(summary.contradictingCount),
            summary.latestPeriod?.description ?? "", String(summary.figureCount),
        ].joined(separator: "\t")]
        for (period, line) in summary.comparisonRows.sorted(by: { $0.key < $1.key }) {
            let security = line.nationalSecurity.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }
            lines.append([
                period.description, total(line.requests), total(line.accounts), security.joined(separator: ","),
                line.sources.map(\.rawValue).joined(separator: ","),
            ].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n")
    }

    static func decode(_ text: String) -> CompanySummary? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let head = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init), head.count == 8,
              let statements = Int(head[1]), let evidence = Int(head[4]), let contradicting = Int(head[5]),
              let figures = Int(head[7]) else { return nil }
        var rows: [Period: CompanySummary.ComparisonLine] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 5, let period = Period(parsing: fields[0]),
                  let requests = total(fields[1]), let accounts = total(fields[2]) else { return nil }
            var security: [LegalProcess: Count] = [:]
            for pair in fields[3].split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let process = LegalProcess(rawValue: parts[0]), let count = count(parts[1]) else { return nil }
                security[process] = count
            }
            rows[period] = CompanySummary.ComparisonLine(
                requests: requests, accounts: accounts, nationalSecurity: security,
                sources: fields[4].split(separator: ",").map { SourceID(String($0)) })
        }
        return CompanySummary(
            company: CompanyID(head[0]), statementCount: statements, firstStatement: DataDate(parsing: head[2]),
            lastStatement: DataDate(parsing: head[3]), evidenceCount: evidence, contradictingCount: contradicting,
            latestPeriod: Period(parsing: head[6]), figureCount: figures, comparisonRows: rows)
    }

    /// `~` for none, `<reported>/<unreported>` otherwise (reported empty when nil).
    private static func total(_ total: RequestTotals.Total?) -> String {
        guard let total else { return "~" }
        return "\(total.reported?.description ?? "")/\(total.unreported)"
    }

    /// Nil when the text is not a total; `.some(nil)` for none.
    private static func total(_ text: String) -> RequestTotals.Total?? {
        if text == "~" { return .some(nil) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let unreported = Int(parts[1]) else { return nil }
        if parts[0].isEmpty { return .some(RequestTotals.Total(reported: nil, unreported: unreported)) }
        guard let reported = count(parts[0]) else { return nil }
        return .some(RequestTotals.Total(reported: reported, unreported: unreported))
    }

    /// `7458`, `0-499` or `-`, as `Count.description` writes them.
    private static func count(_ text: String) -> Count? {
        if text == "-" { return .notReported }
        if let value = Int(text) { return .exact(value) }
        let bounds = text.split(separator: "-").compactMap { Int($0) }
        return bounds.count == 2 ? .range(minimum: bounds[0], maximum: bounds[1]) : nil
    }
}
