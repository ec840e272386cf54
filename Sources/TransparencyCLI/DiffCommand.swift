import ArgumentParser
import Foundation
import TransparencyRender
import TransparencySite
import WordDiff

/// `transparency diff`: word-level changes between two versions of a document, or two files.
public struct DiffCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the word-level changes between two versions of a document, or two files.",
        discussion: """
            With --company and --document, compares the versions in force on --from and --to \
            (by default the last two versions). With two FILE arguments, compares the files.
            Exit codes as diff(1): 0 the same, 1 different, 2 trouble.

            Examples:
              transparency diff --company tiktok --document law-enforcement-guidelines
              transparency diff --company tiktok --document law-enforcement-guidelines \\
                --from 2021-04-19 --to 2025-04-16 --format html
              transparency diff old.md new.md --format json
            """)

    /// Output formats.
    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case text, markdown, html, json
    }

    @Argument(help: "Two files to compare, instead of a document of the dataset.")
    public var files: [String] = []

    @Option(name: .long, help: "The company whose document to compare.")
    public var company: String?

    @Option(name: .long, help: "The document's id (its folder under documents/<company>/).")
    public var document: String?

    @Option(name: .long, help: "Compare the version in force on this date (YYYY-MM-DD).")
    public var from: String?

    @Option(name: .long, help: "…with the version in force on this date (YYYY-MM-DD).")
    public var to: String?

    @Option(name: .long, help: "text, markdown, html or json.")
    public var format: Format = .text

    @Option(name: .long, help: "The dataset folder.")
    public var data: String = "Data"

    public init() {}

    public func validate() throws {
        guard files.count == 2 || (files.isEmpty && company != nil && document != nil) else {
            throw ValidationError("give two files, or --company and --document")
        }
    }

    public func run() throws {
        let (old, new, label) = try texts()
        let diff = TextDiff(old: old, new: new)
        let colour = format == .text && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let output: String
        switch format {
        case .text: output = DiffFormatter.text(diff, colour: colour)
        case .markdown: output = DiffFormatter.markdown(diff, escape: MarkdownEscaper.escape)
        case .html: output = DiffFormatter.html(diff, escape: HTMLEscaper.escape)
        case .json: output = DiffFormatter.json(diff)
        }
        if format == .text, let label { FileHandle.standardError.write(Data("\(label)\n".utf8)) }
        FileHandle.standardOutput.write(Data((output.hasSuffix("\n") ? output : output + "\n").utf8))
        if !diff.isIdentical { throw ExitCode(1) }
    }

    private func texts() throws -> (String, String, String?) {
        if files.count == 2 {
            return (try read(files[0]), try read(files[1]), nil)
        }
        let loaded: Dataset
        do {
            loaded = try BuildPipeline.load(data: data, templates: nil).0
        } catch {
            if case .invalidInput(let problems) = error { Console.report(problems.diagnostics) }
            throw Trouble("the dataset has errors")
        }
        guard let company, let documentID = document,
              let found = loaded.documents.first(where: { $0.company.rawValue == company && $0.id.rawValue == documentID }) else {
            throw Trouble("no document '\(document ?? "")' of company '\(company ?? "")' in \(data)")
        }
        let versions = found.versions
        guard versions.count >= 2 || from != nil || to != nil, let last = versions.last else {
            throw Trouble("the document has fewer than two versions")
        }
        func version(_ date: String?, default fallback: DocumentVersion?) throws -> DocumentVersion {
            guard let date else {
                guard let fallback else { throw Trouble("the document has fewer than two versions") }
                return fallback
            }
            guard let parsed = DataDate(parsing: date) else { throw Trouble("malformed date '\(date)': expected YYYY-MM-DD") }
            guard let version = found.version(inForceOn: parsed) else { throw Trouble("no version of the document was in force on \(date)") }
            return version
        }
        let newVersion = try version(to, default: last)
        let oldVersion = try version(from, default: versions.last { $0.date < newVersion.date })
        return (oldVersion.text, newVersion.text, "\(found.title): \(oldVersion.date) → \(newVersion.date)")
    }

    private func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw Trouble("cannot read \(path) as UTF-8 text")
        }
        return text
    }
}

/// A problem that makes `diff` exit with 2, as diff(1) does.
struct Trouble: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
