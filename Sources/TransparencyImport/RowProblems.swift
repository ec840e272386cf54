import Foundation
import TransparencyLoader
import TransparencyModel

/// The problems of a file's rows, one diagnostic per problem and column: a period written in a
/// way the mapping doesn't read is one error with the number of rows and the first of them,
/// not one error per row.
final class RowProblems {
    private struct Group {
        var location: SourceLocation
        var message: String
        var lines: [Int]
        var values: Set<String>
    }

    /// How many row numbers a grouped diagnostic lists.
    static let linesShown = 5

    private var groups: [Group] = []
    private var index: [String: Int] = [:]

    /// Records one problem. `value` is the row's own text in `message` (a cell's content, a
    /// field count): problems whose messages differ only in it are one problem.
    func error(_ location: SourceLocation, _ message: String, value: String = "") {
        // The value's last occurrence: the column's name, before it, may hold the same text.
        var key = message
        if !value.isEmpty, let range = message.range(of: value, options: .backwards) { key.replaceSubrange(range, with: "\u{0}") }
        if let found = index[key] {
            if groups[found].lines.last != location.line { groups[found].lines.append(location.line) }
            groups[found].values.insert(value)
        } else {
            index[key] = groups.count
            groups.append(Group(location: location, message: message, lines: [location.line], values: [value]))
        }
    }

    /// Logs each problem once, at its first row, saying in how many rows it is and which.
    func flush(into log: DiagnosticLog) {
        for group in groups {
            guard group.lines.count > 1 else {
                log.error(group.location, group.message)
                continue
            }
            let shown = group.lines.prefix(Self.linesShown).map(String.init).joined(separator: ", ")
            let more = group.lines.count > Self.linesShown ? " and \(group.lines.count - Self.linesShown) more" : ""
            let values = group.values.count > 1 ? ", \(group.values.count) different values" : ""
            log.error(group.location, "\(group.message) (in \(group.lines.count) rows: lines \(shown)\(more)\(values))")
        }
        groups = []
        index = [:]
    }
}
