import Foundation
import TransparencyAnalysis
import TransparencyLoader
import TransparencyRender

/// A company's files: made, handed to the writer as soon as each is made, on all cores.
extension SiteBuilder {
    /// Builds the files of `companies`, giving them to `write` (from several threads at once).
    ///
    /// The companies of `figuresOnly` are those of which only the request figures changed since
    /// an earlier build: their document history pages and their feed, which don't show the
    /// figures, are not made again (nor the documents' diffs worked out), and their results list
    /// those files as `kept`, with no feed entries (the earlier build's stand).
    public func buildCompanies(
        _ companies: [Company], figuresOnly: Set<CompanyID> = [], streamingExports: Bool = false,
        write: @escaping @Sendable ([OutputFile]) throws(PublishError) -> Void, gather: ([CompanyResult]) -> Void
    ) throws(PublishError) {
        var start = 0
        while start < companies.count {
            let batch = Array(companies[start..<min(start + Self.batchSize, companies.count)])
            // Fewer companies than cores (an incremental build): each company's files are shared
            // out between the cores.
            let splitting = batch.count < parallelWidth
            let results = parallelMap(batch) { company -> Result<CompanyResult, PublishError> in
                do throws(PublishError) {
                    return .success(try buildCompany(
                        company, splitting: splitting, figuresOnly: figuresOnly.contains(company.id), streamingExports: streamingExports, write: write))
                } catch {
                    return .failure(error)
                }
            }
            var gathered: [CompanyResult] = []
            for result in results {
                switch result {
                case .success(let value): gathered.append(value)
                case .failure(let error): throw error
                }
            }
            gather(gathered)
            start += Self.batchSize
        }
    }

    /// Makes one company's files, handing each to `write` as soon as it is made, and returns
    /// what the company gives the shared pages. With `splitting`, its exports are made and
    /// written on one core while it is analysed on another, and then its pages are made on all
    /// cores (beside the exports, while they are still being written). With `figuresOnly`, its
    /// history pages and feed are left as they are (see `buildCompanies`).
    func buildCompany(
        _ company: Company, splitting: Bool = false, figuresOnly: Bool = false, streamingExports: Bool = false,
        write: @escaping @Sendable ([OutputFile]) throws(PublishError) -> Void
    ) throws(PublishError) -> CompanyResult {
        let times = renderer.times
        let (figures, diagnostics) = times.measure("load") { dataset.loadFigures(of: company.id) }
        if diagnostics.contains(where: { $0.severity == .error }) {
            let summary = CompanySummary(
                company: company.id, statementCount: 0, firstStatement: nil, lastStatement: nil, evidenceCount: 0,
                contradictingCount: 0, latestPeriod: nil, figureCount: 0, comparisonRows: [:])
            return CompanyResult(summary: summary, feedEntries: [], diagnostics: diagnostics, paths: [])
        }
        let folder = Self.ownPaths(of: company.id).folder
        let exports = { @Sendable [dataset] () -> Result<[String], PublishError> in
            guard !figures.isEmpty else { return .success([]) }
            let paths = (csv: "\(folder)/requests.csv", json: "\(folder)/requests.json")
            if streamingExports {
                // The pieces' writing counts as writing (in `write`), the rest as exports.
                let start = DispatchTime.now().uptimeNanoseconds
                var writing: UInt64 = 0
                defer { times.add("exports", seconds: Double(DispatchTime.now().uptimeNanoseconds - start - writing) / 1e9) }
                do throws(PublishError) {
                    try RequestExports.stream(company: company, figures: figures, sources: dataset.sources, paths: paths) { files throws(PublishError) in
                        let before = DispatchTime.now().uptimeNanoseconds
                        defer { writing += DispatchTime.now().uptimeNanoseconds - before }
                        try write(files)
                    }
                    return .success([paths.csv, paths.json])
                } catch {
                    return .failure(error)
                }
            }
            let (csv, json) = times.measure("exports") { RequestExports.raw(company: company, figures: figures, sources: dataset.sources) }
            return Self.written([OutputFile(path: paths.csv, raw: csv), OutputFile(path: paths.json, raw: json)], by: write)
        }
        let rest = { @Sendable [dataset] () -> (summary: CompanySummary, latest: [AtomFeed.Entry], pages: Result<Pages, PublishError>) in
            let (report, summary) = times.measure("analysis") { () -> (CompanyReport, CompanySummary) in
                let report = CompanyReport(company: company, dataset: dataset, figures: figures)
                return (report, CompanySummary(report: report, figures: figures))
            }
            guard !figuresOnly else { return (summary, [], pages(report, histories: nil, feedEntries: [], splitting: splitting, write: write)) }
            let histories = times.measure("analysis") { report.documents.map(DocumentHistory.init) }
            // The company's latest feed entries, made once for its feed and the site's.
            let latest = AtomFeed.latest(FeedBuilder.entries(report, histories: histories, dataset: dataset))
            return (summary, latest, pages(report, histories: histories, feedEntries: latest, splitting: splitting, write: write))
        }
        let (exportsWritten, made) = splitting ? parallelPair(exports, rest) : (exports(), rest())
        let own: Pages = try made.pages.get(), exportPaths: [String] = try exportsWritten.get()
        // In the order of the earlier builds' caches: report, chart, page, exports, feed, histories.
        var paths = own.report + own.chart + own.page
        paths += exportPaths + own.feed + own.histories
        let entries = FeedBuilder.siteEntries(made.latest, of: company.id)
        return CompanyResult(summary: made.summary, feedEntries: entries, diagnostics: diagnostics, paths: paths, kept: own.kept)
    }

    /// The paths of a company's pages and other files but its exports.
    struct Pages {
        var report: [String] = [], page: [String] = [], chart: [String] = [], feed: [String] = [], histories: [String] = []
        /// Those of `feed` and `histories` that were not made again.
        var kept: [String] = []
    }

    /// Makes and writes a company's report, page, chart, feed and document history pages (on all
    /// cores with `splitting`). Without `histories`, its feed and history pages are not made but
    /// listed as kept.
    func pages(
        _ report: CompanyReport, histories: [DocumentHistory]?, feedEntries: [AtomFeed.Entry], splitting: Bool,
        write: @escaping @Sendable ([OutputFile]) throws(PublishError) -> Void
    ) -> Result<Pages, PublishError> {
        let (reportPath, folder) = Self.ownPaths(of: report.company.id)
        let feedPath = "\(folder)/feed.xml"
        @Sendable func historyPath(_ document: Document) -> String { "\(folder)/documents/\(document.id)/index.html" }
        // Piece 0: the report and the page (the longest, first); 1: the chart and the feed; from 2
        // on: the history of document piece - 2.
        let make = { @Sendable (piece: Int) -> Result<[String], PublishError> in
            switch piece {
            case 0:
                let companyPage = renderer.company(report)
                return Self.written([
                    OutputFile(path: reportPath, contents: renderer.times.measure("templates") { companyPage.markdown }),
                    page(companyPage, path: "\(folder)/index.html", depth: 1, feed: "feed.xml"),
                ], by: write)
            case 1:
                let chart = renderer.requestChart(report).map {
                    OutputFile(path: "\(folder)/requests.svg", contents: $0.svg(standalone: true) + "\n")
                }
                let feed = histories == nil ? nil : OutputFile(
                    path: feedPath, contents: FeedBuilder.companyFeed(report, entries: feedEntries, siteTitle: siteTitle).xml)
                return Self.written((chart.map { [$0] } ?? []) + (feed.map { [$0] } ?? []), by: write)
            default:
                guard let history = histories?[piece - 2] else { return .success([]) }
                return Self.written([
                    page(renderer.documentHistory(history, of: report), path: historyPath(history.document), depth: 3, feed: "../../feed.xml"),
                ], by: write)
            }
        }
        let pieces = Array(0..<(histories?.count ?? 0) + 2)
        var paths = Pages()
        for (piece, result) in zip(pieces, splitting ? parallelMap(pieces, make) : pieces.map(make)) {
            switch result {
            case .failure(let error): return .failure(error)
            case .success(let written) where piece == 0:
                paths.report = Array(written.prefix(1))
                paths.page = Array(written.dropFirst())
            case .success(let written) where piece == 1:
                paths.chart = written.filter { $0 != feedPath }
                paths.feed = written.filter { $0 == feedPath }
            case .success(let written):
                paths.histories += written
            }
        }
        if histories == nil {
            paths.feed = [feedPath]
            paths.histories = report.documents.map(historyPath)
            paths.kept = paths.feed + paths.histories
        }
        return .success(paths)
    }

    /// The paths of `files` once `write` has taken them.
    private static func written(
        _ files: [OutputFile], by write: @Sendable ([OutputFile]) throws(PublishError) -> Void
    ) -> Result<[String], PublishError> {
        do throws(PublishError) {
            try write(files)
            return .success(files.map(\.path))
        } catch {
            return .failure(error)
        }
    }
}
