import Foundation
import TransparencyAnalysis
import TransparencyLoader
import TransparencyRender

/// What the files of one company are made from: its figures, read when first asked, its report
/// and its documents' histories, each worked out once however many of its files are made. Used
/// by one thread at a time (the jobs of a company run one after another).
public final class CompanyWork: @unchecked Sendable {
    public let company: Company
    public let builder: SiteBuilder
    private var loaded: (figures: [RequestFigure], diagnostics: [Diagnostic])?
    private var madeReport: CompanyReport?
    private var madeHistories: [DocumentHistory]?
    private var madeFeedEntries: [AtomFeed.Entry]?

    public init(company: Company, builder: SiteBuilder) {
        self.company = company
        self.builder = builder
    }

    var times: StageTimes { builder.renderer.times }

    /// The company's figures in key order, and the problems of its request file.
    public var figures: (figures: [RequestFigure], diagnostics: [Diagnostic]) {
        if let loaded { return loaded }
        let read = times.measure("load") { builder.dataset.loadFigures(of: company.id) }
        loaded = read
        return read
    }

    /// Whether the company's request file has errors: then none of its files are made.
    public var hasErrors: Bool { figures.diagnostics.contains { $0.severity == .error } }

    public var report: CompanyReport {
        if let madeReport { return madeReport }
        let figures = figures.figures
        let report = times.measure("analysis") { CompanyReport(company: company, dataset: builder.dataset, figures: figures) }
        madeReport = report
        return report
    }

    /// The report's consistency findings, as warnings at the lines of the company's request file.
    public var consistencyWarnings: [Diagnostic] {
        guard let data = builder.dataFolder else { return [] }
        return ConsistencyWarnings.diagnostics(report.consistency, company: company.id, data: data)
    }

    /// What the shared pages need of the company.
    public var summary: CompanySummary {
        let report = report
        return times.measure("analysis") { CompanySummary(report: report, figures: figures.figures) }
    }

    /// The histories of the company's documents.
    public var histories: [DocumentHistory] {
        if let madeHistories { return madeHistories }
        let report = report
        let histories = times.measure("analysis") { report.documents.map(DocumentHistory.init) }
        madeHistories = histories
        return histories
    }

    /// The company's latest feed entries, links relative to its folder.
    public var feedEntries: [AtomFeed.Entry] {
        if let madeFeedEntries { return madeFeedEntries }
        let entries = AtomFeed.latest(FeedBuilder.entries(report, histories: histories, dataset: builder.dataset))
        madeFeedEntries = entries
        return entries
    }

    /// Whether `feedEntries` were worked out (by a job that needed them).
    var hasFeedEntries: Bool { madeFeedEntries != nil }

    /// The company's folder in the site.
    public var folder: String { SiteBuilder.ownPaths(of: company.id).folder }
}
