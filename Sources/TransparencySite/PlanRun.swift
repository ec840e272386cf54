import Foundation
import TransparencyAnalysis
import TransparencyLoader
import TransparencyRender

/// One run of a `SitePlan` through an `IncrementalExecutor`: every company's jobs (companies
/// on all cores), then the site's, each job with the digest of the inputs its kind declares.
struct PlanRun: Sendable {
    let plan: SitePlan
    let builder: SiteBuilder
    let stamps: InputStamps
    let executor: IncrementalExecutor<SiteState>

    struct Outcome: Sendable {
        var state: SiteState
        var diagnostics: [Diagnostic]
        var companiesBuilt: Int
    }

    /// What one company gave.
    private struct CompanyOutcome: Sendable {
        var summary: CompanySummary
        var record: SiteState.CompanyRecord
        var diagnostics: [Diagnostic]
        /// Its site-feed entries, when they were worked out again.
        var feedEntries: [AtomFeed.Entry]?
        var built: Bool
    }

    /// Runs the plan; nil when the site feed can't be made from what the cache holds (then a
    /// full build must be made).
    func run() throws(PublishError) -> Outcome? {
        let companies = builder.dataset.companies
        var outcomes: [CompanyOutcome] = []
        var start = 0
        // In batches, so that the memory of a company's figures is let go soon after it is made.
        while start < companies.count {
            let batch = Array(companies[start..<min(start + 128, companies.count)])
            for result in parallelMap(batch, { company in Result { () throws(PublishError) in try self.company(company) } }) {
                outcomes.append(try result.get())
            }
            start += 128
        }
        let errors = outcomes.flatMap(\.diagnostics).filter { $0.severity == .error }
        guard errors.isEmpty else {
            return Outcome(state: SiteState(), diagnostics: outcomes.flatMap(\.diagnostics), companiesBuilt: 0)
        }
        guard let (feed, state) = siteFeed(outcomes) else { return nil }
        let site = SiteWork(builder: builder, summaries: outcomes.map(\.summary), feedEntries: Array(feed.prefix(AtomFeed.entryLimit)))
        let jobs = plan.siteKinds.flatMap { kind in
            let inputs = siteDigest(kind.inputs)
            return kind.parts(site).map { part in
                PlannedJob<SiteWork>(id: "site \(kind.name) \(part.name)", digest: InputStamps.digest([inputs, part.digest])) { _ in part.make() }
            }
        }
        // Each part on its own core, the longest (the front page) first.
        for result in parallelMap(jobs, { job in Result { () throws(PublishError) in try executor.run([job]) { site } } }) {
            _ = try result.get()
        }
        return Outcome(state: state, diagnostics: outcomes.flatMap(\.diagnostics), companiesBuilt: outcomes.filter(\.built).count)
    }

    /// Runs or keeps one company's jobs, and gives its summary: the earlier build's when the
    /// inputs it is made from are unchanged.
    private func company(_ company: Company) throws(PublishError) -> CompanyOutcome {
        let work = CompanyWork(company: company, builder: builder)
        let jobs = plan.companyKinds.map { kind in
            PlannedJob<CompanyWork>(id: "\(kind.name) \(company.id)", digest: digest(kind.inputs, of: company.id)) { work in
                work.hasErrors ? [] : kind.make(work)
            }
        }
        let built = try executor.run(jobs) { work }
        let summaryDigest = digest(Set(PlanInput.allCases), of: company.id)
        if let record = executor.previous?.state.companies[company.id.rawValue], record.digest == summaryDigest {
            return CompanyOutcome(summary: record.summary, record: record, diagnostics: record.warnings, feedEntries: nil, built: built)
        }
        let diagnostics = work.figures.diagnostics + (work.hasErrors ? [] : work.consistencyWarnings)
        let summary = work.hasErrors ? work.emptySummary : work.summary
        let entries = work.hasFeedEntries ? FeedBuilder.siteEntries(work.feedEntries, of: company.id) : nil
        return CompanyOutcome(
            summary: summary, record: SiteState.CompanyRecord(digest: summaryDigest, summary: summary, warnings: diagnostics),
            diagnostics: diagnostics, feedEntries: entries, built: built)
    }

    /// The site feed's candidates, latest first, and the state to keep; nil when entries of
    /// companies not made again may be missing from them.
    private func siteFeed(_ outcomes: [CompanyOutcome]) -> ([AtomFeed.Entry], SiteState)? {
        let fresh = Set(outcomes.filter { $0.feedEntries != nil }.map(\.summary.company.rawValue))
        let present = Set(outcomes.map(\.summary.company.rawValue))
        let earlier = executor.previous?.state
        var pool = (earlier?.feed ?? []).filter { present.contains($0.company.rawValue) && !fresh.contains($0.company.rawValue) }
        pool += outcomes.flatMap { outcome in
            (outcome.feedEntries ?? []).map { SiteState.FeedCandidate(company: outcome.summary.company, entry: $0) }
        }
        if let earlier, !earlier.feedComplete, let last = earlier.feed.last?.entry {
            pool = pool.filter { !AtomFeed.isLater(last, than: $0.entry) }
            guard pool.count >= AtomFeed.entryLimit else { return nil }
        }
        pool.sort { AtomFeed.isLater($0.entry, than: $1.entry) }
        let kept = Array(pool.prefix(SiteState.feedCandidates))
        let complete = (earlier?.feedComplete ?? true) && pool.count < SiteState.feedCandidates
        var state = SiteState(feed: kept, feedComplete: complete)
        for outcome in outcomes { state.companies[outcome.summary.company.rawValue] = outcome.record }
        return (kept.map(\.entry), state)
    }

    /// The digest of a company's `inputs`.
    private func digest(_ inputs: Set<PlanInput>, of company: CompanyID) -> String {
        InputStamps.digest(inputs.sorted().map { input in
            input == .shared ? stamps.groups[input.rawValue] ?? "" : stamps.groups["\(input.rawValue):\(company)"] ?? ""
        })
    }

    /// The digest of every company's `inputs` (and the shared files' with `.shared`).
    private func siteDigest(_ inputs: Set<PlanInput>) -> String {
        let groups = stamps.groups.filter { group, _ in
            inputs.contains(PlanInput(rawValue: String(group.prefix { $0 != ":" })) ?? .shared)
        }
        return InputStamps.digest(groups.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
    }
}

extension CompanyWork {
    /// The summary of a company whose request file has errors (no file of it is made).
    var emptySummary: CompanySummary {
        CompanySummary(
            company: company.id, statementCount: 0, firstStatement: nil, lastStatement: nil, evidenceCount: 0,
            challengingCount: 0, latestPeriod: nil, figureCount: 0, comparisonRows: [:])
    }
}
