import Foundation
import TransparencyAnalysis
import TransparencyLoader
import TransparencyRender

extension BuildPipeline {
    /// One build: a full one, or an incremental one that makes only the companies whose files
    /// changed and gives up (nil) when what it finds disagrees with its plan.
    struct Job {
        let data: String
        let output: String
        let pageMarkdown: String?
        /// Called with the summary once the output is in place, while the build's memory is held.
        var published: @Sendable (Summary) -> Void = { _ in }
        let times = StageTimes()
        let start = DispatchTime.now()
        let started = InputScan.now()
        let siteTitle = "Privacy transparency reports"

        /// What a cache must have been made with to be used: this tool (its executable's size and
        /// time), the templates, the data folder and the site title.
        func settings(_ templates: TemplateSet) -> String {
            var info = stat()
            let tool = stat("/proc/self/exe", &info) == 0 ? "\(info.st_size).\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)" : "unknown"
            return "tool \(tool); templates \(templates.fingerprint); data \(data); title \(siteTitle)"
        }

        func builder(_ dataset: Dataset, _ templates: TemplateSet) -> SiteBuilder {
            var builder = SiteBuilder(dataset: dataset, templates: templates, siteTitle: siteTitle, times: times)
            if let pageMarkdown { builder.pageMarkdown = MarkdownCopies(folder: pageMarkdown).write }
            return builder
        }

        func publication(fromSpare: Bool = false) throws(Failure) -> Publication {
            do {
                return try Publication(output: output, fromSpare: fromSpare)
            } catch {
                throw .cannotPublish(error)
            }
        }

        /// Builds every company.
        func full(templates: TemplateSet?, templateErrors: [Diagnostic], inputs: InputList) throws(Failure) -> Summary {
            var diagnostics = templateErrors
            var loaded: (dataset: Dataset, warnings: [Diagnostic], records: LoadRecords)?
            do {
                loaded = try times.measure("load") { () throws(DatasetError) in try DatasetLoader.loadForBuild(directory: data) }
            } catch {
                diagnostics += error.diagnostics
            }
            guard let templates, let (dataset, warnings, records) = loaded else { throw .invalidInput(DatasetError(diagnostics: diagnostics)) }
            let publication = try publication()
            let counts = FileCounts()
            let outcome = try write(publication, counts) { write throws(PublishError) in
                try builder(dataset, templates).build(feedCandidates: BuildCache.feedCandidates, write: write)
            }
            let problems = warnings + outcome.diagnostics
            if problems.contains(where: { $0.severity == .error }) { throw .invalidInput(DatasetError(diagnostics: problems)) }
            let cache = BuildCache(
                settings: settings(templates), inputs: inputs, records: records,
                companies: outcome.companies.map { .init(summary: $0.summary, outputs: $0.paths, diagnostics: $0.diagnostics) },
                feed: outcome.feedEntries, feedComplete: outcome.feedEntries.count < BuildCache.feedCandidates)
            return try finish(
                publication, counts, cache: cache.encoded(started: started), reports: dataset.companies.count,
                built: dataset.companies.count, warnings: problems)
        }

        /// Builds the companies of `plan.dirty` and takes the others from the earlier output;
        /// nil when that can't be done, and a full build must be.
        func incremental(
            _ plan: IncrementalPlan, cache: BuildCache, templates: TemplateSet, inputs: InputList
        ) throws(Failure) -> Summary? {
            // Started from the spare when it is the output the cache says it is: then the files
            // of a company made again in neither build are there already.
            let spareIsKnown = cache.spare.map { BuildCache.generation(inFolder: Publication.sparePath(of: output)) == $0.generation } ?? false
            let publication = try publication(fromSpare: spareIsKnown)
            let current = publication.startedFromSpare ? Set(cache.companies.compactMap { part -> CompanyID? in
                let company = part.summary.company
                guard !plan.dirty.contains(company), cache.spare?.rebuilt.contains(company) == false,
                      part.outputs.allSatisfy({ Self.isOwn($0, of: company) }) else { return nil }
                return company
            }) : []
            let counts = FileCounts()
            // The other companies' files are linked while the dataset loads (the plan made sure
            // that the companies are the same ones).
            let (keptAll, loaded) = parallelPair({
                publication.clearSpare(keeping: Set(current.flatMap { company -> [String] in
                    let own = SiteBuilder.ownPaths(of: company)
                    return [own.report, own.folder]
                }))
                return cache.companies.filter { !plan.dirty.contains($0.summary.company) }.allSatisfy { part in
                    counts.add(part.outputs)
                    guard !current.contains(part.summary.company) else {
                        publication.adopt(part.outputs)
                        return true
                    }
                    return publication.keep(part.outputs)
                }
            }, { [data, times] in
                try? times.measure("load", { () throws(DatasetError) in try DatasetLoader.loadForBuild(directory: data, reuse: plan.reuse, previous: cache.records, readingAhead: plan.dirty) })
            })
            guard keptAll, let (dataset, warnings, records) = loaded, plan.agrees(with: records) else { return nil }
            let parts = Dictionary(cache.companies.map { ($0.summary.company, $0) }, uniquingKeysWith: { first, _ in first })
            guard dataset.companies.allSatisfy({ plan.dirty.contains($0.id) || parts[$0.id] != nil }) else { return nil }
            let builder = builder(dataset, templates)
            var built: [CompanyID: SiteBuilder.CompanyResult] = [:]
            try write(publication, counts) { write throws(PublishError) in
                try builder.buildCompanies(dataset.companies.filter { plan.dirty.contains($0.id) }, figuresOnly: plan.figuresOnly, streamingExports: true, write: write) { results in
                    for result in results { built[result.summary.company] = result }
                }
            }
            // The files of those companies that were not made again are the earlier build's.
            let kept = built.values.flatMap(\.kept)
            guard publication.keep(kept) else { return nil }
            counts.add(kept)
            let problems = warnings + dataset.companies.flatMap { built[$0.id]?.diagnostics ?? parts[$0.id]?.diagnostics ?? [] }
            if problems.contains(where: { $0.severity == .error }) { throw .invalidInput(DatasetError(diagnostics: problems)) }
            // The feed: the kept entries of the other companies (and of those of which only the
            // figures changed: their entries don't show them), and the new ones. Below the last
            // kept entry there may be entries the cache does not hold.
            var pool = cache.feed.filter { !plan.dirty.contains($0.company) || plan.figuresOnly.contains($0.company) }
                + built.values.flatMap { result in result.feedEntries.map { (company: result.summary.company, entry: $0) } }
            if !cache.feedComplete, let last = cache.feed.last?.entry {
                pool = pool.filter { !AtomFeed.isLater(last, than: $0.entry) }
                guard pool.count >= AtomFeed.entryLimit else { return nil }
            }
            let feed = SiteBuilder.latest(pool, limit: BuildCache.feedCandidates)
            let companies = dataset.companies.compactMap { company -> BuildCache.CompanyPart? in
                if let result = built[company.id] { return .init(summary: result.summary, outputs: result.paths, diagnostics: result.diagnostics) }
                return parts[company.id]
            }
            // A comparison page stands when no company made again changed its line for the period
            // (nor its name, which every line shows).
            var changed = Set<Period>()
            for company in plan.dirty {
                let before = parts[company]?.summary.comparisonRows.all ?? [:], after = built[company]?.summary.comparisonRows.all ?? [:]
                changed.formUnion(Set(before.keys).union(after.keys).filter { before[$0] != after[$0] })
            }
            let allPeriods = Set(CompanySummary.ComparisonRows.tally(companies.map(\.summary.comparisonRows)).keys)
            let unchanged = plan.renamable.isDisjoint(with: plan.dirty) ? allPeriods.subtracting(changed) : []
            var newCache = BuildCache(
                settings: settings(templates), inputs: inputs, records: records, companies: companies, feed: feed,
                feedComplete: cache.feedComplete && pool.count < BuildCache.feedCandidates)
            newCache.keep(from: cache, reuse: plan.reuse, companies: dataset.companies.map(\.id).filter { built[$0] == nil })
            // The output replaced becomes the spare.
            newCache.spare = BuildCache.Spare(generation: cache.generation, rebuilt: Set(built.keys))
            // The shared pages are made while the cache is encoded.
            let (encoded, shared) = parallelPair({ [started, newCache] in newCache.encoded(started: started) }, {
                builder.sharedFiles(companies.map(\.summary), feedEntries: feed.map(\.entry), unchanged: unchanged)
            })
            // A comparison line of the cache read for these pages and found damaged: a full build.
            guard !cache.damage.isFound, publication.keep(shared.kept) else { return nil }
            counts.add(shared.kept)
            try write(publication, counts) { write throws(PublishError) in try write(shared.files) }
            return try finish(
                publication, counts, cache: encoded, reports: dataset.companies.count, built: built.count, warnings: problems,
                keepingSpare: true)
        }

        /// Whether an output path is one of `company`'s own: its report or a file of its folder.
        static func isOwn(_ path: String, of company: CompanyID) -> Bool {
            let own = SiteBuilder.ownPaths(of: company)
            return path == own.report || path.hasPrefix(own.folder + "/")
        }

        /// Runs `body` with a writer into `publication` that counts what it writes.
        private func write<Result>(
            _ publication: Publication, _ counts: FileCounts,
            _ body: (@escaping @Sendable ([OutputFile]) throws(PublishError) -> Void) throws(PublishError) -> Result
        ) throws(Failure) -> Result {
            let times = times
            do {
                return try body { files throws(PublishError) in
                    // A file written in pieces counts once.
                    counts.add(files.filter { $0.piece != .later }.map(\.path))
                    try times.measure("writing") { () throws(PublishError) in try publication.write(files) }
                }
            } catch {
                throw .cannotPublish(error)
            }
        }

        /// Writes the cache and swaps the output in place.
        private func finish(
            _ publication: Publication, _ counts: FileCounts, cache: [UInt8], reports: Int, built: Int, warnings: [Diagnostic],
            keepingSpare: Bool = false
        ) throws(Failure) -> Summary {
            let published: Publication.Result
            do {
                try publication.write([OutputFile(path: BuildCache.fileName, bytes: cache)], counted: false)
                published = try times.measure("writing") { () throws(PublishError) in try publication.commit(keepingSpare: keepingSpare) }
            } catch {
                throw .cannotPublish(error)
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            let summary = Summary(
                pages: counts.pages, reports: reports, files: counts.files + 1, unchanged: published.unchanged,
                seconds: seconds, warnings: warnings.sorted(),
                stages: Dictionary(uniqueKeysWithValues: StageTimes.stages.map { ($0, times[$0]) }), companiesBuilt: built)
            self.published(summary)
            return summary
        }
    }
}
