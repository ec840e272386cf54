import Foundation
import TransparencyModel

/// Reads a normalized requests file (`requests/<company>.csv`) into figures.
///
/// Required columns: `period,jurisdiction,process,measure,value,sources`; optional ones:
/// `published_as`, `subject`, `regime`, `edition`, `note` (the publisher's footnote on the
/// figure). Columns may come in any order.
///
/// Rows that share a key are editions of one figure when each has its own `edition` date: the
/// latest is the figure, the others its earlier editions (`RequestFigure.earlierEditions`).
///
/// A file holds tens of thousands of rows that repeat a few periods, jurisdictions, processes
/// and source lists: a field whose bytes are those of the row before keeps the value read
/// there, and text is made only of the fields that changed.
public enum RequestsFileParser {
    public static let requiredColumns = ["period", "jurisdiction", "process", "measure", "value", "sources"]
    public static let optionalColumns = ["published_as", "subject", "regime", "edition", "note"]
    /// The header `transparency import` writes.
    public static let canonicalColumns = [
        "period", "jurisdiction", "process", "published_as", "subject", "measure", "value", "regime", "sources",
    ]

    /// What a file gives: its figures in key order, and each source it cites with where it is
    /// first cited.
    package struct Parsed {
        package var figures: [RequestFigure] = []
        /// The line of each figure.
        package var lines: [Int] = []
        package var sources: [(id: SourceID, location: SourceLocation)] = []
    }

    package static func parse(_ bytes: [UInt8], path: String, company: CompanyID, log: DiagnosticLog) -> Parsed {
        bytes.withUnsafeBufferPointer { buffer in parse(bytes, buffer, path: path, company: company, log: log) }
    }

    /// `parse`, with the file's memory: `buffer` holds `bytes`.
    private static func parse(
        _ bytes: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>, path: String, company: CompanyID, log: DiagnosticLog
    ) -> Parsed {
        var iterator = CSVReader(bytes: bytes).makeIterator()
        let header = iterator.next()?.fields ?? []
        guard let columns = Columns(header, path: path, log: log) else { return Parsed() }
        var reader = RowReader(bytes: buffer, path: path, columns: columns, company: company, log: log)
        var figures: [RequestFigure] = [], lines: [Int] = []
        // About one row every 40 bytes: room made once rather than grown.
        figures.reserveCapacity(bytes.count / 40)
        lines.reserveCapacity(bytes.count / 40)
        var parsed = Parsed()
        var seen = Set<SourceID>(), lastSources: [SourceID] = []
        var inKeyOrder = true
        while let (line, start, fields, record) = iterator.nextRanges(&reader.ranges) {
            reader.begin(line: line, start: start, fields: fields, record: record)
            guard reader.fieldCount == header.count else {
                log.error(reader.location(0), "expected \(header.count) fields, found \(reader.fieldCount)")
                reader.finish(keeping: false)
                continue
            }
            defer { reader.finish() }
            guard let order = reader.figure(into: &figures) else { continue }
            if order != .after { inKeyOrder = false }
            if reader.sources != lastSources {
                for source in reader.sources where seen.insert(source).inserted {
                    parsed.sources.append((source, reader.location(columns.sources)))
                }
                lastSources = reader.sources
            }
            lines.append(line)
        }
        for problem in iterator.problems {
            log.error(SourceLocation(path: path, line: problem.line, column: problem.column), "CSV syntax: \(problem.message)")
        }
        if inKeyOrder {
            (parsed.figures, parsed.lines) = (figures, lines)
        } else {
            (parsed.figures, parsed.lines) = keyOrdered(figures, lines: lines, path: path, log: log)
        }
        return parsed
    }

    /// The figures in key order, with their lines. Rows of one key are one figure's editions
    /// when each has its own `edition` date: the latest edition is kept, the others become its
    /// earlier editions. Otherwise each later row is an error.
    private static func keyOrdered(
        _ figures: [RequestFigure], lines: [Int], path: String, log: DiagnosticLog
    ) -> (figures: [RequestFigure], lines: [Int]) {
        // Rows of one key sit side by side once sorted by key (the sort keeps file order for ties).
        let order = RequestFigure.keyOrder(figures)
        var kept: [RequestFigure] = [], keptLines: [Int] = []
        kept.reserveCapacity(order.count)
        keptLines.reserveCapacity(order.count)
        var position = 0
        while position < order.count {
            var end = position + 1
            while end < order.count, figures[order[end]].key == figures[order[position]].key { end += 1 }
            let run = order[position..<end]
            position = end
            let editions = run.compactMap { index in figures[index].edition.map { (index: index, date: $0) } }
            guard run.count > 1, editions.count == run.count, Set(editions.map(\.date)).count == run.count else {
                for later in run.dropFirst() {
                    log.error(
                        SourceLocation(path: path, line: lines[later]),
                        "this figure is already given on line \(lines[run.first ?? later]); if the two are editions of one figure, give each its edition's date in an `edition` column")
                }
                kept.append(figures[run.first ?? 0])
                keptLines.append(lines[run.first ?? 0])
                continue
            }
            let byEdition = editions.sorted { $0.date < $1.date }
            let latest = byEdition[byEdition.count - 1].index
            var figure = figures[latest]
            for earlier in byEdition.dropLast() {
                let edition = figures[earlier.index]
                figure.earlierEditions.append(FigureEdition(value: edition.value, sources: edition.sources, edition: earlier.date))
            }
            kept.append(figure)
            keptLines.append(lines[latest])
        }
        return (kept, keptLines)
    }

    /// Column positions of one file.
    struct Columns {
        let period, jurisdiction, process, measure, value, sources: Int
        let publishedAs, subject, regime, edition, note: Int?
        /// How many columns the header names.
        let count: Int

        init?(_ header: [String], path: String, log: DiagnosticLog) {
            var index: [String: Int] = [:]
            let known = requiredColumns + optionalColumns
            for (position, name) in header.enumerated() {
                guard known.contains(name) else {
                    log.error(
                        SourceLocation(path: path, line: 1, column: 1),
                        "unknown column '\(name)'\(Suggestion.hint(for: name, in: known)); the columns are \(known.joined(separator: ", "))")
                    return nil
                }
                index[name] = position
            }
            guard let period = index["period"], let jurisdiction = index["jurisdiction"], let process = index["process"],
                  let measure = index["measure"], let value = index["value"], let sources = index["sources"] else {
                let missing = requiredColumns.filter { index[$0] == nil }
                log.error(
                    SourceLocation(path: path),
                    "missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); the header must name \(requiredColumns.joined(separator: ","))")
                return nil
            }
            (self.period, self.jurisdiction, self.process, self.measure, self.value, self.sources) = (period, jurisdiction, process, measure, value, sources)
            (publishedAs, subject, regime, edition, note) = (index["published_as"], index["subject"], index["regime"], index["edition"], index["note"])
            count = header.count
        }
    }
}
