import TransparencyLoader
import TransparencyModel

/// Reads the value of one measure from a row: a count, a range from two columns, or a
/// percentage, with the mapping's words for "not reported" and its footnote marks.
struct ValueReader {
    let mapping: ImportMapping
    let problems: RowProblems
    /// The footnote marks, longest first, so that `**` is taken before `*`.
    private let marks: [String]

    init(mapping: ImportMapping, problems: RowProblems) {
        self.mapping = mapping
        self.problems = problems
        marks = mapping.footnotes.keys.sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// The value, the index of the column it came from, and the footnote it is marked with;
    /// nil (logged) when unreadable.
    func value(_ rule: ImportMapping.MeasureRule, _ row: CSVRow, _ columns: [String: Int]) -> (FigureValue, Int, String?)? {
        if let column = rule.column, let index = columns[column] {
            var (text, note) = withoutMarks(row.fields[index])
            if !mapping.notReported.isEmpty, mapping.notReported.contains(text.trimmingSpaces) { text = "-" }
            let bare = text.trimmingSpaces
            if rule.bareNumberIsPercentage, !bare.isEmpty, bare.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) { text = bare + "%" }
            switch PublishedValueParser.value(text, for: rule.measure) {
            case .success(let value): return (value, index, note)
            case .failure(let problem):
                let cell = row.fields[index]
                problems.error(row.location(ofField: index), "column '\(column)': \(problem)\(hint(cell, rule))", value: "'\(text)'")
                return nil
            }
        }
        guard let minimumColumn = rule.minimumColumn, let maximumColumn = rule.maximumColumn,
              let low = columns[minimumColumn], let high = columns[maximumColumn] else { return nil }
        let (minimum, lowNote) = withoutMarks(row.fields[low]), (maximum, highNote) = withoutMarks(row.fields[high])
        let notes = [lowNote, highNote].compactMap { $0 }
        let note = notes.isEmpty ? nil : Array(Set(notes)).sorted().joined(separator: " ")
        // Both bounds blank or "not reported": the figure is not reported.
        if [minimum, maximum].allSatisfy({ $0.trimmingSpaces.isEmpty || $0.trimmingSpaces == "-" || mapping.notReported.contains($0.trimmingSpaces) }) {
            return (.count(.notReported), low, note)
        }
        let range = "\(minimum)-\(maximum)"
        switch PublishedValueParser.count(range) {
        case .success(let count): return (.count(count), low, note)
        case .failure(let problem):
            problems.error(row.location(ofField: low), "columns '\(minimumColumn)' and '\(maximumColumn)': \(problem)", value: "'\(range)'")
            return nil
        }
    }

    /// The cell without the footnote marks at its end (`12*†`), and what they mean, in the
    /// order they come.
    private func withoutMarks(_ cell: String) -> (String, String?) {
        guard !marks.isEmpty else { return (cell, nil) }
        var text = cell.trimmingSpaces, notes: [String] = []
        while let mark = marks.first(where: { text.hasSuffix($0) && text.count > $0.count }), let note = mapping.footnotes[mark] {
            text = String(text.dropLast(mark.count)).trimmingSpaces
            if !notes.contains(note) { notes.insert(note, at: 0) }
        }
        return notes.isEmpty ? (cell, nil) : (text, notes.joined(separator: " "))
    }

    /// What a mapping can say to read a cell it refuses: a bare number in a percentage column,
    /// a footnote mark after a number.
    private func hint(_ cell: String, _ rule: ImportMapping.MeasureRule) -> String {
        let text = cell.trimmingSpaces
        if rule.measure.isPercentage, !rule.bareNumberIsPercentage, !text.isEmpty, text.allSatisfy({ $0.isNumber || $0 == "." }) {
            return "; if this column writes percentages without '%' (0 for 0%), set 'bare_percentage: true' on its measure"
        }
        let mark = String(text.reversed().prefix { !$0.isNumber && !$0.isLetter && $0 != "%" && $0 != " " }.reversed())
        if !mark.isEmpty, mark.count < text.count, text.dropLast(mark.count).last?.isNumber == true, mapping.footnotes[mark] == nil {
            return "; if '\(mark)' marks a footnote, give its meaning under 'footnotes' in the mapping"
        }
        return ""
    }
}
