import TransparencyLoader
import TransparencyModel

/// Checks published percentages against the ones the published counts give, and warns where
/// they differ by more than rounding (one percentage point).
enum PercentageCheck {
    /// `lines` are the figures of one line (same key but for the measure), with their indices.
    static func check(_ lines: [(index: Int, figure: RequestFigure)], location: (Int) -> SourceLocation, log: DiagnosticLog) {
        func exact(_ measure: Measure) -> Int? {
            guard case .count(.exact(let value))? = lines.first(where: { $0.figure.measure == measure })?.figure.value else { return nil }
            return value
        }
        guard let percent = lines.first(where: { $0.figure.measure == .percentWithData }),
              case .percentage(let published?) = percent.figure.value,
              let requests = exact(.requests), requests > 0 else { return }
        let withData: Int
        if let counted = exact(.requestsWithData) {
            withData = counted
        } else if let content = exact(.contentDisclosed), let nonContent = exact(.nonContentOnly) {
            withData = content + nonContent
        } else {
            return
        }
        let computed = Double(withData) * 100 / Double(requests)
        if abs(computed - published) > 1 {
            log.warning(location(percent.index), "published \(format(published))% of requests with data, but \(withData) of \(requests) is \(format(computed))%")
        }
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
