import Foundation
@_exported import TransparencyLoader
import TransparencyRender

/// The whole pipeline: load and validate, analyse, render, publish.
public enum BuildPipeline {
    /// Why a build stopped. Nothing was published.
    public enum Failure: Error, Sendable {
        /// The dataset or the templates have errors (exit 65).
        case invalidInput(DatasetError)
        /// The output could not be written (exit 73).
        case cannotPublish(PublishError)
    }

    /// What a build did.
    public struct Summary: Sendable {
        public var pages: Int
        public var reports: Int
        public var files: Int
        /// Files left as they were because the build gave the same bytes.
        public var unchanged: Int = 0
        public var seconds: Double
        public var warnings: [Diagnostic]
        /// Seconds per stage, summed over threads.
        public var stages: [String: Double] = [:]
        /// How many companies were made; the others' files were taken from the earlier build.
        public var companiesBuilt = 0

        /// `Wrote 6 HTML pages and 5 Markdown reports (13 files) to Reports in 0.12 s.`, with how
        /// many files were left as they were when the build replaced an earlier one.
        public func line(output: String) -> String {
            var kept = unchanged > 0 ? ", \(unchanged) unchanged" : ""
            if companiesBuilt < reports { kept += "; \(companiesBuilt) of \(reports) companies made again" }
            return "Wrote \(pages) HTML pages and \(reports) Markdown reports (\(files) files\(kept)) to \(output) in "
                + String(format: "%.2f s.", seconds)
        }
    }

    /// Loads the dataset and the templates, reporting the problems of both together.
    public static func load(data: String, templates: String?) throws(Failure) -> (Dataset, TemplateSet, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let templateSet = loadTemplates(templates, diagnostics: &diagnostics)
        var loaded: (dataset: Dataset, warnings: [Diagnostic])?
        do {
            loaded = try DatasetLoader.load(directory: data)
        } catch {
            diagnostics += error.diagnostics
        }
        guard let templateSet, let loaded else { throw .invalidInput(DatasetError(diagnostics: diagnostics)) }
        return (loaded.dataset, templateSet, loaded.warnings)
    }

    static func loadTemplates(_ templates: String?, diagnostics: inout [Diagnostic]) -> TemplateSet? {
        do throws(DatasetError) {
            if let templates { return try TemplateSet.load(directory: templates) }
            return try TemplateSet.builtIn()
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
    }

    /// Builds the reports of `data` into `output`: company by company, each company's files
    /// written as soon as they are made, the whole swapped in place of `output` at the end.
    ///
    /// When the output holds the cache of an earlier build with the same tool, templates and
    /// data folder, and only some companies' files changed since, only those companies are made
    /// again (`incremental`); the others' files are taken from the earlier output as they are.
    /// The result is the same as a full build's. With `pageMarkdown`, the Markdown each HTML page
    /// was rendered from is also written there (pages made again only).
    ///
    /// `published` is called with the summary as soon as the output is in place, while the
    /// build still holds its memory (the dataset, the earlier build's cache, the pages): a
    /// command that ends its process there leaves that memory to the exit instead of freeing it
    /// object by object, as compilers do (about 2 ms of processor time in an incremental build
    /// at N = 100).
    public static func build(
        data: String, templates: String?, output: String, pageMarkdown: String? = nil, incremental: Bool = true,
        published: @escaping @Sendable (Summary) -> Void = { _ in }
    ) throws(Failure) -> Summary {
        let job = Job(data: data, output: output, pageMarkdown: pageMarkdown, published: published)
        // The inputs are stamped (the longer piece, started here at once) while the templates are
        // parsed and the earlier build's cache is read.
        let ((templateSet, diagnostics, cache), inputs) = parallelPair({ () -> (TemplateSet?, [Diagnostic], BuildCache?) in
            var diagnostics: [Diagnostic] = []
            let templateSet = job.times.measure("load") { loadTemplates(templates, diagnostics: &diagnostics) }
            let settings = templateSet.map(job.settings)
            return (templateSet, diagnostics, incremental ? settings.flatMap { BuildCache.read(output: output, settings: $0) } : nil)
        }, { [times = job.times] in times.measure("load") { InputScan.scan(root: data) } })
        if let templateSet, let cache,
           let plan = IncrementalPlan(cache: cache, inputs: inputs, root: data),
           let summary = try job.incremental(plan, cache: cache, templates: templateSet, inputs: inputs) {
            return summary
        }
        return try job.full(templates: templateSet, templateErrors: diagnostics, inputs: inputs)
    }
}

/// How many files and HTML pages a build wrote or kept, counted from several threads.
final class FileCounts: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files = 0, pages = 0
    func add(_ paths: [String]) {
        lock.withLock {
            files += paths.count
            pages += paths.filter { $0.hasSuffix(".html") }.count
        }
    }
}

/// Writes the Markdown of each page as `<folder>/<page path>.md`.
struct MarkdownCopies: Sendable {
    let folder: String
    func write(_ path: String, _ markdown: String) {
        let file = folder + "/" + path + ".md"
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: file, contents: Data(markdown.utf8))
    }
}
