import TransparencyAnalysis
import TransparencyLoader
import TransparencyModel

/// `FigureAudit`'s findings as warnings at the lines of the company's request file, each with
/// the lines of the figures it compares and a hint what to check.
public enum ConsistencyWarnings {
    /// The warnings of one company's findings; `data` is the dataset's folder.
    public static func diagnostics(
        _ findings: [ConsistencyFinding], company: CompanyID, data: String, files: any DatasetFiles = DiskFiles()
    ) -> [Diagnostic] {
        guard !findings.isEmpty else { return [] }
        let path = (data.hasSuffix("/") ? data : data + "/") + "requests/\(company).csv"
        let lines = RequestsLoader.lines(of: path, company: company, files: files)
        return findings.map { finding -> Diagnostic in
            let compared = Array(Set(finding.compared.compactMap { lines[$0] })).sorted()
            var message = finding.message
            if !compared.isEmpty {
                let shown = compared.prefix(6).map(String.init).joined(separator: ", ")
                message += " (line\(compared.count == 1 ? "" : "s") \(shown)\(compared.count > 6 ? ", …" : ""))"
            }
            return Diagnostic(
                SourceLocation(path: path, line: lines[finding.figure] ?? 1), "\(message); hint: \(hint(finding.kind))", severity: .warning)
        }.sorted()
    }

    /// The warnings of every company of a dataset loaded with its figures, in company order.
    public static func diagnostics(of dataset: Dataset, data: String) -> [Diagnostic] {
        parallelMap(dataset.companies) { company in
            diagnostics(FigureAudit.findings(dataset.figures(of: company.id)), company: company.id, data: data)
        }.flatMap { $0 }
    }

    static func hint(_ kind: ConsistencyFinding.Kind) -> String {
        switch kind {
        case .partsExceedTotal: "check that no part is given under two processes and that the total is copied right"
        case .partsShortOfTotal: "a part may be mistyped, or the total may hold requests no part names"
        case .countriesExceedWorld: "a country may be given twice, or the worldwide figure may cover less than its name says"
        case .percentageMismatch: "check the percentage and the counts against the publisher's file"
        case .overlappingPeriods: "give one figure per period, or check which edition restates the other"
        case .cadenceGap: "add the missing periods, or leave them out if the company published nothing for them"
        case .restatement: "nothing to fix if the publisher restated the figure; otherwise check both editions"
        case .outsideBand: "one of the editions is likely mistyped: check both against the publisher's files"
        }
    }
}
