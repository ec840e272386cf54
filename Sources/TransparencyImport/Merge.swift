import TransparencyLoader
import TransparencyModel

/// Merges imported figures into the ones a requests file already holds. Two imported figures
/// with one key are an error. An imported figure with the key of an existing one:
/// - from the same edition (the existing figure cites the import's source, or either edition
///   has no date), replaces it;
/// - from another, dated edition with the same value, adds its source to the figure's;
/// - from another, dated edition with another value, is kept beside it as one figure's
///   editions (`RequestFigure.earlierEditions`): the latest is the figure, the other a
///   restatement.
/// Sorting once by key puts equal keys side by side, so the merge, the duplicate check and the
/// percentage check are single passes.
struct Merge {
    /// What became of the imported figures of one period.
    struct Changes: Equatable, Sendable {
        var added = 0, changed = 0, restated = 0, unchanged = 0
    }

    /// Which count of `Changes` a merged figure adds to.
    private typealias Change = WritableKeyPath<Changes, Int>

    /// Existing figures first, then imported ones, then the figures made of both's editions.
    private(set) var all: [RequestFigure]
    /// Indices into `all` of the figures to write, in key order.
    private(set) var kept: [Int] = []
    /// The changes by period, and in all.
    private(set) var byPeriod: [Period: Changes] = [:]
    private(set) var total = Changes()

    /// `edition` is when the imported files were published (their source's date);
    /// `sourceDates` dates the existing figures' editions by their sources.
    init(
        existing: [RequestFigure], imported: ImportedFigures, log: DiagnosticLog, edition: DataDate? = nil,
        sourceDates: [SourceID: DataDate] = [:]
    ) {
        // Shares the imported array's storage when there is nothing to merge with (a first import).
        all = existing.isEmpty ? imported.figures : existing + imported.figures
        let firstImported = existing.count
        func location(_ index: Int) -> SourceLocation { imported.location(index - firstImported) }
        kept.reserveCapacity(all.count)
        var position = 0
        var line: [(index: Int, figure: RequestFigure)] = []
        var lineKey: RequestFigure.Key?
        let sorted = RequestFigure.keyOrder(all)
        while position < sorted.count {
            // The run of figures with one key: at most one existing, then the imported ones.
            var end = position + 1
            while end < sorted.count, all[sorted[position]].key == all[sorted[end]].key { end += 1 }
            let run = sorted[position..<end]
            let existingIndex = run.first { $0 < firstImported }
            let importedIndices = run.filter { $0 >= firstImported }
            for duplicate in importedIndices.dropFirst() {
                let figure = all[duplicate]
                log.error(location(duplicate), "the same figure (\(figure.period), \(figure.jurisdiction), \(figure.publishedAs ?? figure.process.rawValue), \(figure.measure.rawValue)) is also at \(location(importedIndices[0]))")
            }
            if let chosen = importedIndices.first {
                let (index, change) = existingIndex.map { merged(existing: $0, imported: chosen, edition: edition, sourceDates: sourceDates) }
                    ?? (chosen, \.added)
                kept.append(index)
                count(change, all[chosen].period)
                let key = all[chosen].key.line
                if key != lineKey {
                    if !line.isEmpty { PercentageCheck.check(line, location: location, log: log) }
                    line = []
                    lineKey = key
                }
                line.append((chosen, all[chosen]))
            } else if let existingIndex {
                kept.append(existingIndex)
            }
            position = end
        }
        if !line.isEmpty { PercentageCheck.check(line, location: location, log: log) }
    }

    private mutating func count(_ change: Change, _ period: Period) {
        byPeriod[period, default: Changes()][keyPath: change] += 1
        total[keyPath: change] += 1
    }

    /// The index of the figure to keep for an existing and an imported figure of one key.
    private mutating func merged(existing: Int, imported: Int, edition: DataDate?, sourceDates: [SourceID: DataDate]) -> (Int, Change) {
        let old = all[existing], new = all[imported]
        let oldDate = old.edition ?? old.sources.compactMap { sourceDates[$0] }.max()
        let cites = { (sources: [SourceID]) in new.sources.contains(where: sources.contains) }
        // The edition the figure already holds from this import's source (or date): replaced.
        if cites(old.sources) || edition == nil || oldDate == nil || oldDate == edition {
            if new.value == old.value, new.regime == old.regime, new.note == old.note, old.sources.contains(where: new.sources.contains) {
                return (existing, \.unchanged)
            }
            var figure = new
            (figure.edition, figure.earlierEditions) = (old.edition, old.earlierEditions)
            all.append(figure)
            return (all.count - 1, figure == old ? \.unchanged : \.changed)
        }
        if let place = old.earlierEditions.firstIndex(where: { cites($0.sources) || $0.edition == edition }) {
            var figure = old
            let before = figure.earlierEditions[place]
            figure.earlierEditions[place] = FigureEdition(value: new.value, sources: new.sources, edition: before.edition)
            all.append(figure)
            return (all.count - 1, figure == old ? \.unchanged : \.changed)
        }
        guard let edition, let oldDate else { return (imported, \.changed) }
        if old.value == new.value {
            // The same value from another edition: one figure, citing both.
            var figure = old
            figure.sources += new.sources.filter { !old.sources.contains($0) }
            figure.note = old.note ?? new.note
            all.append(figure)
            return (all.count - 1, figure.note == old.note ? \.unchanged : \.changed)
        }
        var editions = old.earlierEditions + [FigureEdition(value: old.value, sources: old.sources, edition: oldDate)]
        editions.append(FigureEdition(value: new.value, sources: new.sources, edition: edition))
        editions.sort { $0.edition < $1.edition }
        let latest = editions.removeLast()
        var figure = new
        (figure.value, figure.sources, figure.edition, figure.earlierEditions) = (latest.value, latest.sources, latest.edition, editions)
        // The publisher's note goes with the edition the figure now is.
        figure.note = latest.edition == edition ? new.note : old.note
        all.append(figure)
        return (all.count - 1, \.restated)
    }
}
