import TransparencyLoader
import TransparencyModel

/// Merges imported figures into the ones a requests file already holds: an imported figure
/// replaces the one with the same key; two imported figures with one key are an error. Sorting
/// once by key puts equal keys side by side, so the merge, the duplicate check and the
/// percentage check are single passes.
struct Merge {
    /// Existing figures first, then imported ones.
    let all: [RequestFigure]
    /// Indices into `all` of the figures to write, in key order.
    private(set) var kept: [Int] = []
    private(set) var added = 0, changed = 0, unchanged = 0

    init(existing: [RequestFigure], imported: ImportedFigures, log: DiagnosticLog) {
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
                if let existingIndex {
                    if all[existingIndex] == all[chosen] { unchanged += 1 } else { changed += 1 }
                } else {
                    added += 1
                }
                kept.append(chosen)
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
}
