import TransparencyModel

/// The checks of `FigureAudit` that look along one line of figures or across periods.
extension FigureAudit {
    /// Each published percentage against its line's counts: requests with data (or content and
    /// non-content disclosures added up) over requests.
    static func percentages(_ figures: [RequestFigure], _ indices: [Int], period: Period) -> [ConsistencyFinding] {
        guard indices.contains(where: { figures[$0].measure == .percentWithData }) else { return [] }
        // A line's figures lie side by side in key order; its measure comes last in the key.
        var sorted = indices
        if zip(sorted, sorted.dropFirst()).contains(where: { figures[$1].keyPrecedes(figures[$0]) }) {
            sorted.sort { figures[$0].keyPrecedes(figures[$1]) }
        }
        var lines: [(line: RequestFigure.Key, measures: [Measure: Int])] = []
        var start = 0
        while start < sorted.count {
            let first = figures[sorted[start]]
            var end = start + 1
            while end < sorted.count, figures[sorted[end]].jurisdiction == first.jurisdiction, figures[sorted[end]].process == first.process,
                  figures[sorted[end]].publishedAs == first.publishedAs, figures[sorted[end]].subject == first.subject { end += 1 }
            if sorted[start..<end].contains(where: { figures[$0].measure == .percentWithData }) {
                lines.append((first.key.line, Dictionary(sorted[start..<end].map { (figures[$0].measure, $0) }, uniquingKeysWith: { a, _ in a })))
            }
            start = end
        }
        var findings: [ConsistencyFinding] = []
        for (line, measures) in lines {
            guard let share = measures[.percentWithData], case .percentage(let published?) = figures[share].value,
                  let requests = measures[.requests], case .count(.exact(let asked)) = figures[requests].value else { continue }
            func exact(_ measure: Measure) -> Int? {
                guard let index = measures[measure], case .count(.exact(let value)) = figures[index].value else { return nil }
                return value
            }
            let withData: (count: Int, from: [Measure])
            if let count = exact(.requestsWithData) {
                withData = (count, [.requestsWithData])
            } else if let content = exact(.contentDisclosed), let nonContent = exact(.nonContentOnly) {
                withData = (content + nonContent, [.contentDisclosed, .nonContentOnly])
            } else {
                continue
            }
            let expected = asked == 0 ? 0 : 100 * Double(withData.count) / Double(asked)
            guard abs(expected - published) > percentageTolerance || published > 100 else { continue }
            let place = "\(line.process.label)\(line.publishedAs.isEmpty ? "" : " (\(line.publishedAs))") in \(line.jurisdiction.name), \(period.label)"
            findings.append(ConsistencyFinding(
                kind: .percentageMismatch, period: period,
                message: "\(place): \(FigureValue.percentage(published).label) with data published, but \(Count.grouped(withData.count)) of \(Count.grouped(asked)) requests is \(FigureValue.percentage((expected * 10).rounded() / 10).label)",
                figure: figures[share].key, compared: ([requests] + withData.from.compactMap { measures[$0] }).map { figures[$0].key }))
        }
        return findings.sorted { $0.figure < $1.figure }
    }

    /// Each earlier edition that gave another value: a restatement, or an exact value outside
    /// the other's band. A later exact value inside an earlier band refines it and is no
    /// finding; a later band in place of an exact value is a restatement.
    static func restatements(_ figures: [RequestFigure]) -> [ConsistencyFinding] {
        var findings: [ConsistencyFinding] = []
        for figure in figures where !figure.earlierEditions.isEmpty {
            for earlier in figure.restatedEditions {
                let kind: ConsistencyFinding.Kind
                switch (earlier.value, figure.value) {
                case (.count(.range(let low, let high)), .count(.exact(let value))):
                    // An exact value inside the earlier band refines it.
                    if (low...high).contains(value) { continue }
                    kind = .outsideBand
                case (.count(.exact(let value)), .count(.range(let low, let high))):
                    // A band in place of an exact value is a restatement even when it holds it.
                    kind = (low...high).contains(value) ? .restatement : .outsideBand
                default:
                    kind = .restatement
                }
                let place = "\(figure.process.label)\(figure.publishedAs.map { " (\($0))" } ?? "") in \(figure.jurisdiction.name), \(figure.period.label)"
                let sources = { (ids: [SourceID]) in ids.map(\.rawValue).joined(separator: ", ") }
                let verb = kind == .outsideBand ? "outside the band of" : "restated from"
                findings.append(ConsistencyFinding(
                    kind: kind, period: figure.period,
                    message: "\(place): \(figure.measure.rawValue) \(figure.value.label) in the edition of \(figure.edition?.description ?? "?") (\(sources(figure.sources))), \(verb) \(earlier.value.label) in the edition of \(earlier.edition) (\(sources(earlier.sources))); the report uses the latest edition",
                    figure: figure.key))
            }
        }
        return findings
    }

    /// One figure (all of its key but the period) given for two periods that overlap.
    static func overlaps(_ figures: [RequestFigure], periods: [Period]) -> [ConsistencyFinding] {
        // Most companies publish periods that never overlap: nothing to look at then.
        let byStart = periods.sorted { $0.start < $1.start }
        guard zip(byStart, byStart.dropFirst()).contains(where: { $1.start <= $0.end }) else { return [] }
        var series: [RequestFigure.Key: [Int]] = [:]
        for index in figures.indices {
            var key = figures[index].key
            key.period = .year(0)
            series[key, default: []].append(index)
        }
        var findings: [ConsistencyFinding] = []
        for indices in series.values where indices.count > 1 {
            let sorted = indices.sorted { figures[$0].period.start < figures[$1].period.start }
            for (earlier, later) in zip(sorted, sorted.dropFirst()) {
                let first = figures[earlier].period, second = figures[later].period
                guard first != second, second.start <= first.end else { continue }
                findings.append(ConsistencyFinding(
                    kind: .overlappingPeriods, period: second,
                    message: "\(figures[later].process.label) in \(figures[later].jurisdiction.name): \(figures[later].measure.rawValue) given for \(second.label) and for \(first.label), which overlap",
                    figure: figures[later].key, compared: [figures[earlier].key]))
            }
        }
        return findings.sorted { $0.figure < $1.figure }
    }

    /// Half-years without figures between two half-years with figures.
    static func gaps(_ figures: [RequestFigure], periods: [Period: [Int]]) -> [ConsistencyFinding] {
        let halves = periods.keys.compactMap { period -> (year: Int, half: Int)? in
            if case .halfYear(let year, let half) = period { (year, half) } else { nil }
        }.sorted { ($0.year, $0.half) < ($1.year, $1.half) }
        var findings: [ConsistencyFinding] = []
        for (earlier, later) in zip(halves, halves.dropFirst()) {
            let steps = (later.year - earlier.year) * 2 + later.half - earlier.half
            guard steps > 1 else { continue }
            let missing = (1..<steps).map { step -> Period in
                let position = earlier.year * 2 + earlier.half - 1 + step
                return .halfYear(year: position / 2, half: position % 2 + 1)
            }
            let before = Period.halfYear(year: earlier.year, half: earlier.half), after = Period.halfYear(year: later.year, half: later.half)
            guard let first = periods[after]?.first else { continue }
            findings.append(ConsistencyFinding(
                kind: .cadenceGap, period: after,
                message: "no figures for \(missing.map(\.shortLabel).joined(separator: ", ")), between \(before.shortLabel) and \(after.shortLabel)",
                figure: figures[first].key))
        }
        return findings
    }
}
