import Foundation
import Markdown
import TransparencyImport
import TransparencyLoader
import TransparencyRender
import TransparencySite
import WordDiff

/// What the fuzzers run on each input, and what they check. Each target stops the process
/// (`preconditionFailure`) when an invariant breaks, so libFuzzer records the input; the tests
/// replay every input kept in `Tests/Fixtures/fuzz/<target>/` through the same functions.
public enum FuzzTargets {
    public static let names = ["loader", "import", "diff", "escaper"]

    /// Runs target `name` on `data`.
    public static func run(_ name: String, _ data: [UInt8]) {
        switch name {
        case "loader": loader(data)
        case "import": importer(data)
        case "diff": diff(data)
        case "escaper": escaper(data)
        default: preconditionFailure("no fuzz target \(name)")
        }
    }

    /// The input cut at 0xFF bytes into at most `count` texts.
    static func pieces(_ data: [UInt8], _ count: Int) -> [String] {
        var parts = data.split(separator: 0xFF, maxSplits: count - 1, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        while parts.count < count { parts.append("") }
        return parts
    }

    /// A dataset of five files from the input; when it loads, every page is rendered too.
    public static func loader(_ data: [UInt8]) {
        let parts = pieces(data, 5)
        let files = MemoryFiles(files: [
            "sources.yaml": parts[0], "claims.yaml": parts[1], "companies/acme.yaml": parts[2],
            "statements/acme.yaml": parts[3], "requests/acme.csv": parts[4],
        ])
        do {
            let (dataset, _) = try DatasetLoader.load(files)
            if let templates = try? TemplateSet.builtIn() {
                let files = SitePlan.standard.files(dataset: dataset, templates: templates)
                precondition(!files.isEmpty, "a loaded dataset rendered no files")
            }
        } catch {
            precondition(!error.diagnostics.isEmpty, "a refused dataset came with no diagnostic")
        }
    }

    /// A CSV file read with each built-in format.
    public static func importer(_ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        for format in RequestsImport.builtInFormatNames {
            let (figures, diagnostics) = RequestsImport.read(csv: text, path: "fuzz.csv", company: "acme", source: "source", format: format)
            precondition(diagnostics.allSatisfy { $0.location.path.hasPrefix("fuzz.csv") || $0.location.path == "<built-in>" }, "a diagnostic without its file")
            for figure in figures {
                precondition(figure.company == "acme" && figure.sources == ["source"], "a figure lost its company or source")
                if case .count(.range(let minimum, let maximum)) = figure.value { precondition(minimum <= maximum, "a range with minimum above maximum") }
            }
        }
    }

    /// Two texts split at the first 0xFF: the diff must rebuild both.
    public static func diff(_ data: [UInt8]) {
        let parts = pieces(data, 2)
        let diff = TextDiff(old: parts[0], new: parts[1])
        precondition(diff.apply(to: parts[0]) == parts[1], "applying the diff did not give the new text")
        precondition(diff.oldText == parts[0] && diff.newText == parts[1], "the pieces do not rebuild the texts")
        precondition(diff.isIdentical == (parts[0] == parts[1]))
    }

    /// Any text, escaped for Markdown, must render as one paragraph of exactly that text, and
    /// in a block quote, with no element but those.
    public static func escaper(_ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        let escaped = MarkdownEscaper.escape(text)
        for (markdown, opening, closing) in [(escaped, "<p>", "</p>\n"), ("> " + escaped, "<blockquote>\n<p>", "</p>\n</blockquote>\n")] {
            let html = CommonMark.html(markdown)
            guard html != "" && html != "<blockquote>\n</blockquote>\n" else { continue }
            // Compared as UTF-8: a combining mark in the text would join `>` into one Character.
            let bytes = Array(html.utf8), open = Array(opening.utf8), close = Array(closing.utf8)
            precondition(bytes.starts(with: open) && bytes.reversed().starts(with: close.reversed()), "escaped text did not stay one paragraph: \(html.debugDescription)")
            let inner = bytes[open.count..<(bytes.count - close.count)]
            precondition(!inner.contains(UInt8(ascii: "<")), "escaped text produced markup: \(html.debugDescription)")
        }
    }
}
