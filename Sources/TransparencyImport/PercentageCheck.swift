import TransparencyLoader
import TransparencyModel

/// Checks published percentages against the ones the published counts give, and warns where
/// they differ by more than rounding (one percentage point).
enum PercentageCheck {
    static func warn(about figures: [TableImporter.Located], log: DiagnosticLog) {
        struct Group: Hashable {
            let period: Period, jurisdiction: Jurisdiction, process: LegalProcess, publishedAs: String?, subject: RequestSubject
        }
        let groups = Dictionary(grouping: figures) {
            Group(period: $0.figure.period, jurisdiction: $0.figure.jurisdiction, process: $0.figure.process,
                  publishedAs: $0.figure.publishedAs, subject: $0.figure.subject)
        }
        for (_, members) in groups {
            func exact(_ measure: Measure) -> Int? {
                guard case .count(.exact(let value))? = members.first(where: { $0.figure.measure == measure })?.figure.value else { return nil }
                return value
            }
            guard let percent = members.first(where: { $0.figure.measure == .percentWithData }),
                  case .percentage(let published?) = percent.figure.value,
                  let requests = exact(.requests), requests > 0 else { continue }
            let withData: Int
            if let counted = exact(.requestsWithData) {
                withData = counted
            } else if let content = exact(.contentDisclosed), let nonContent = exact(.nonContentOnly) {
                withData = content + nonContent
            } else {
                continue
            }
            let computed = Double(withData) * 100 / Double(requests)
            if abs(computed - published) > 1 {
                log.warning(percent.location, "published \(format(published))% of requests with data, but \(withData) of \(requests) is \(format(computed))%")
            }
        }
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
