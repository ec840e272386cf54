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

    /// Loads the dataset and the templates, reporting the problems of both together.
    public static func load(data: String, templates: String?) throws(Failure) -> (Dataset, TemplateSet, [Diagnostic]) {
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
            loaded = try DatasetLoader.load(directory: data)
        } catch {
            diagnostics += error.diagnostics
        }
        guard let templateSet, let loaded else { throw .invalidInput(DatasetError(diagnostics: diagnostics)) }
        return (loaded.dataset, templateSet, loaded.warnings)
    }

    /// Builds the reports of `data` into `output`.
    public static func build(data: String, templates: String?, output: String) throws(Failure) -> Summary {
        try build(data: data, templates: templates, output: output, keepMarkdown: false).summary
    }

    /// Builds, and returns the plan too (with each page's Markdown when `keepMarkdown`).
    public static func build(
        data: String, templates: String?, output: String, keepMarkdown: Bool
    ) throws(Failure) -> (summary: Summary, plan: SitePlan) {
        let start = DispatchTime.now()
        let times = StageTimes()
        let (dataset, templateSet, warnings) = try times.measure("load") { () throws(Failure) in try load(data: data, templates: templates) }
        let plan = SitePlan(dataset: dataset, templates: templateSet, times: times, keepMarkdown: keepMarkdown)
        var published = SiteWriter.Result(written: 0, unchanged: 0)
        do {
            published = try times.measure("writing") { () throws(PublishError) in try SiteWriter(output: output).publish(plan.files) }
        } catch {
            throw .cannotPublish(error)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let summary = Summary(
            pages: plan.pageCount, reports: dataset.companies.count, files: plan.files.count + 1,
            unchanged: published.unchanged, seconds: seconds, warnings: warnings,
            stages: Dictionary(uniqueKeysWithValues: StageTimes.stages.map { ($0, times[$0]) }))
        return (summary, plan)
    }
}
