import TransparencyModel

/// Checks that a company's figures agree with each other: parts against their published totals,
/// countries against the worldwide total, percentages against their counts, editions against
/// each other, one figure for overlapping periods, and gaps in the half-years published. Nothing here changes a figure;
/// the findings are warnings for the dataset's authors and a note for the report's readers.
public enum FigureAudit {
    /// How far a published percentage may be from the one its counts give: publishers round to
    /// whole numbers, so one point either way.
    static let percentageTolerance = 1.0

    /// Every finding for one company's figures (in key order): the totals and percentages of
    /// each period in date order, then restatements, overlapping periods and gaps.
    public static func findings(_ figures: [RequestFigure]) -> [ConsistencyFinding] {
        findings(figures, periods: PeriodFigures.split(figures))
    }

    /// Every finding, with the figures already split by period (`RequestAnalysis.periods`).
    public static func findings(_ figures: [RequestFigure], periods: [PeriodFigures]) -> [ConsistencyFinding] {
        var findings: [ConsistencyFinding] = []
        for part in periods {
            findings += totals(part.hierarchy, figures: figures, period: part.period)
            findings += percentages(figures, part.indices, period: part.period)
        }
        findings += restatements(figures)
        findings += overlaps(figures, periods: periods.map(\.period))
        findings += gaps(figures, periods: Dictionary(uniqueKeysWithValues: periods.map { ($0.period, $0.indices) }))
        return findings
    }

    /// Parts against each published total, in every jurisdiction; countries against `WORLD`.
    static func totals(_ hierarchy: RequestHierarchy, figures: [RequestFigure], period: Period) -> [ConsistencyFinding] {
        var findings: [ConsistencyFinding] = []
        for subject in hierarchy.subjects {
            for measure in [Measure.requests, .accounts] {
                for found in hierarchy.totalsWithParts(measure, subject: subject) {
                    guard case .count(let total) = figures[found.total].value, let low = total.minimum, let high = total.maximum,
                          let sum = found.parts.total.reported, let partsLow = sum.minimum, let partsHigh = sum.maximum else { continue }
                    let parts = found.parts
                    let what = "\(found.process.label) in \(found.jurisdiction.name), \(period.label)"
                    var names: [String] = []
                    for index in parts.counted where !names.contains(figures[index].process.label) { names.append(figures[index].process.label) }
                    let partsText = parts.counted.allSatisfy({ figures[$0].process == found.process })
                        ? "its \(parts.counted.count) categories add up to"
                        : parts.counted.count == 1 ? "its one part (\(names[0])) is" : "its parts (\(names.joined(separator: ", "))) add up to"
                    let compared = parts.counted.map { figures[$0].key }
                    if partsLow > high {
                        findings.append(ConsistencyFinding(
                            kind: .partsExceedTotal, period: period,
                            message: "\(what): \(partsText) \(parts.total.label) \(measure.rawValue), more than the published total of \(total.label)",
                            figure: figures[found.total].key, compared: compared))
                    } else if found.complete, parts.total.unreported == 0, partsHigh < low {
                        findings.append(ConsistencyFinding(
                            kind: .partsShortOfTotal, period: period,
                            message: "\(what): \(partsText) \(parts.total.label) \(measure.rawValue), less than the published total of \(total.label)",
                            figure: figures[found.total].key, compared: compared))
                    }
                }
            }
            findings += countries(hierarchy, figures: figures, subject: subject, period: period)
        }
        return findings
    }

    /// The countries' totals against the published worldwide total.
    static func countries(_ hierarchy: RequestHierarchy, figures: [RequestFigure], subject: RequestSubject, period: Period) -> [ConsistencyFinding] {
        var findings: [ConsistencyFinding] = []
        for measure in [Measure.requests, .accounts] {
            guard let index = hierarchy.published(.all, measure, subject: subject, in: .world),
                  case .count(let world) = figures[index].value, let high = world.maximum else { continue }
            var counted: [Int] = []
            for jurisdiction in hierarchy.jurisdictions(subject) where jurisdiction != .world {
                counted += hierarchy.total(.all, measure, subject: subject, in: jurisdiction)?.counted ?? []
            }
            guard !counted.isEmpty else { continue }
            let sum = HierarchySum(figures: figures, counted: counted)
            if let low = sum.total.reported?.minimum, low > high {
                findings.append(ConsistencyFinding(
                    kind: .countriesExceedWorld, period: period,
                    message: "\(period.label): the countries' totals (\(sum.coverage.label)) add up to \(sum.total.label) \(measure.rawValue), more than the worldwide total of \(world.label)",
                    figure: figures[index].key, compared: counted.map { figures[$0].key }))
            }
        }
        return findings
    }
}
