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

        /// `Wrote 6 HTML pages and 5 Markdown reports (13 files) to Reports in 0.12 s.`, with how
        /// many files were left as they were when the build replaced an earlier one.
        public func line(output: String) -> String {
            let kept = unchanged > 0 ? ", \(unchanged) unchanged" : ""
            return "Wrote \(pages) HTML pages and \(reports) Markdown reports (\(files) files\(kept)) to \(output) in "
                + String(format: "%.2f s.", seconds)
        }
    }

    /// Loads the dataset and the templates, reporting the problems of both together. With
    /// `deferringFigures`, request files are listed to be read company by company.
    public static func load(data: String, templates: String?, deferringFigures: Bool = false) throws(Failure) -> (Dataset, TemplateSet, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templateSet: TemplateSet?
        do throws(DatasetError) {
            if let templates {
                templateSet = try TemplateSet.load(directory: templates)
            } else {
                templateSet = try TemplateSet.builtIn()
            }
        } catch {
            diagnostics += error.diagnostics
        }
        var loaded: (dataset: Dataset, warnings: [Diagnostic])?
        do {
            loaded = deferringFigures ? try DatasetLoader.loadDeferringFigures(directory: data) : try DatasetLoader.load(directory: data)
        } catch {
            diagnostics += error.diagnostics
        }
        guard let templateSet, let loaded else { throw .invalidInput(DatasetError(diagnostics: diagnostics)) }
        return (loaded.dataset, templateSet, loaded.warnings)
    }

    /// Builds the reports of `data` into `output`: company by company, each company's files
    /// written as soon as they are made, the whole swapped in place of `output` at the end.
    /// With `pageMarkdown`, the Markdown each HTML page was rendered from is also written there.
    public static func build(data: String, templates: String?, output: String, pageMarkdown: String? = nil) throws(Failure) -> Summary {
        let start = DispatchTime.now()
        let times = StageTimes()
        let (dataset, templateSet, warnings) = try times.measure("load") { () throws(Failure) in
            try load(data: data, templates: templates, deferringFigures: true)
        }
        let publication: Publication
        do {
            publication = try Publication(output: output)
        } catch {
            throw .cannotPublish(error)
        }
        var builder = SiteBuilder(dataset: dataset, templates: templateSet, times: times)
        if let pageMarkdown { builder.pageMarkdown = MarkdownCopies(folder: pageMarkdown).write }
        let counts = FileCounts()
        let outcome: SiteBuilder.Outcome
        let published: SiteWriter.Result
        do {
            outcome = try builder.build { files throws(PublishError) in
                counts.add(files)
                try times.measure("writing") { () throws(PublishError) in try publication.write(files) }
            }
            if outcome.diagnostics.contains(where: { $0.severity == .error }) {
                throw Failure.invalidInput(DatasetError(diagnostics: warnings + outcome.diagnostics))
            }
            published = try times.measure("writing") { () throws(PublishError) in try publication.commit() }
        } catch let error as Failure {
            throw error
        } catch let error as PublishError {
            throw .cannotPublish(error)
        } catch {
            throw .cannotPublish(PublishError(path: output, reason: "\(error)"))
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Summary(
            pages: counts.pages, reports: dataset.companies.count, files: counts.files + 1,
            unchanged: published.unchanged, seconds: seconds, warnings: (warnings + outcome.diagnostics).sorted(),
            stages: Dictionary(uniqueKeysWithValues: StageTimes.stages.map { ($0, times[$0]) }))
    }
}

/// How many files and HTML pages a build wrote, counted from several threads.
final class FileCounts: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var files = 0, pages = 0
    func add(_ batch: [OutputFile]) {
        lock.withLock {
            files += batch.count
            pages += batch.filter { $0.path.hasSuffix(".html") }.count
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
