import Foundation
@_exported import IncrementalBuild
@_exported import Platform
@_exported import TransparencyLoader
import TransparencyAnalysis
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
        /// How many companies had files made again; the others' were taken from the earlier build.
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

    /// Builds the files of `plan` for the dataset at `data` into `output`, which is replaced in
    /// one step when the build is complete.
    ///
    /// With `incremental`, a file whose inputs (as its kind declares them) are unchanged since
    /// the build that made `output`, with the same tool, templates, data folder and plan, is
    /// taken from there; and when only request files changed, only the statements and documents
    /// of their companies are read. The output is the same as a full build's. With
    /// `pageMarkdown`, the Markdown each HTML page made was rendered from is written there too.
    public static func build(
        data: String, templates: String?, output: String, pageMarkdown: String? = nil, incremental: Bool = true,
        plan: SitePlan = .standard
    ) throws(Failure) -> Summary {
        let start = DispatchTime.now()
        let times = StageTimes()
        var diagnostics: [Diagnostic] = []
        let templateSet = times.measure("load") { loadTemplates(templates, diagnostics: &diagnostics) }
        let stamps = times.measure("load") { InputStamps(root: data, group: PlanInput.group(of:)) }
        let settings = "tool \(FileSystem.executableStamp); templates \(templateSet?.fingerprint ?? 0); data \(data); "
            + "title \(SitePlan.siteTitle); plan \(plan.fingerprint)"
        let previous = incremental ? BuildCache<SiteState>.read(output: output, settings: settings) : nil
        let subset = previous.flatMap { Self.companiesWithOnlyNewFigures(before: $0.groups, after: stamps.groups) }
        var loaded: (dataset: Dataset, warnings: [Diagnostic])?
        do {
            loaded = try times.measure("load") { () throws(DatasetError) in
                try DatasetLoader.loadForBuild(directory: data, companyFilesOf: subset)
            }
        } catch {
            diagnostics += error.diagnostics
        }
        guard let templateSet, let (dataset, warnings) = loaded else { throw .invalidInput(DatasetError(diagnostics: diagnostics)) }
        var builder = SiteBuilder(dataset: dataset, templates: templateSet, siteTitle: SitePlan.siteTitle, times: times)
        builder.dataFolder = data
        if let pageMarkdown { builder.pageMarkdown = MarkdownCopies(folder: pageMarkdown).write }
        let publication: Publication
        do {
            publication = try Publication(output: output)
        } catch {
            throw .cannotPublish(error)
        }
        let run = PlanRun(plan: plan, builder: builder, stamps: stamps, executor: IncrementalExecutor(publication: publication, previous: previous))
        let made: PlanRun.Outcome?
        do {
            made = try run.run()
        } catch {
            throw .cannotPublish(error)
        }
        guard let outcome = made else {
            // The site feed's entries of the companies not made again are not all known.
            return try build(data: data, templates: templates, output: output, pageMarkdown: pageMarkdown, incremental: false, plan: plan)
        }
        let problems = (warnings + outcome.diagnostics).sorted()
        if problems.contains(where: { $0.severity == .error }) { throw .invalidInput(DatasetError(diagnostics: problems)) }
        let result: Publication.Result
        do {
            result = try times.measure("writing") { () throws(PublishError) in
                try run.executor.commit(settings: settings, groups: stamps.groups, state: outcome.state)
            }
        } catch {
            throw .cannotPublish(error)
        }
        let tally = run.executor.tally
        return Summary(
            pages: tally.pages, reports: dataset.companies.count, files: tally.files + 1, unchanged: result.unchanged,
            seconds: Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9, warnings: problems,
            stages: Dictionary(uniqueKeysWithValues: StageTimes.stages.map { ($0, times[$0]) }), companiesBuilt: outcome.companiesBuilt)
    }

    /// The companies whose request files changed, when nothing else did (not even the list of
    /// companies); nil otherwise.
    static func companiesWithOnlyNewFigures(before: [String: String], after: [String: String]) -> Set<CompanyID>? {
        var companies = Set<CompanyID>()
        for group in Set(before.keys).union(after.keys) where before[group] != after[group] {
            let prefix = PlanInput.figures.rawValue + ":"
            guard group.hasPrefix(prefix) else { return nil }
            let company = String(group.dropFirst(prefix.count))
            guard after[PlanInput.profile.rawValue + ":" + company] != nil else { return nil }
            companies.insert(CompanyID(company))
        }
        return companies
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
