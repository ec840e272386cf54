import Foundation
import TransparencyAnalysis
import TransparencyLoader
import TransparencyRender

/// What a kind of file depends on in the dataset. A build makes a file again only when one of
/// the inputs its kind declares changed (or the tool, the templates or the plan did).
public enum PlanInput: String, Sendable, CaseIterable, Comparable {
    /// `sources.yaml`, `claims.yaml`, `evidence/` and every other file no company owns.
    case shared
    /// `companies/<company>.yaml`: a company-wide kind depends on every company's.
    case profile
    /// `statements/<company>.yaml` and `documents/<company>/`.
    case files
    /// `requests/<company>.csv`.
    case figures

    public static func < (lhs: PlanInput, rhs: PlanInput) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The input and company a dataset file belongs to (`nil` company for shared ones), from
    /// its path relative to the dataset folder.
    public static func owner(of path: String) -> (input: PlanInput, company: String?) {
        let parts = path.split(separator: "/", maxSplits: 2).map(String.init)
        guard parts.count >= 2 else { return (.shared, nil) }
        switch parts[0] {
        case "companies" where parts.count == 2 && parts[1].hasSuffix(".yaml"): return (.profile, String(parts[1].dropLast(5)))
        case "statements" where parts.count == 2 && parts[1].hasSuffix(".yaml"): return (.files, String(parts[1].dropLast(5)))
        case "requests" where parts.count == 2 && parts[1].hasSuffix(".csv"): return (.figures, String(parts[1].dropLast(4)))
        case "documents" where parts.count == 3: return (.files, parts[1])
        default: return (.shared, nil)
        }
    }

    /// The name of the group of stamps a file counts in: `shared`, or `<input>:<company>`.
    public static func group(of path: String) -> String {
        let (input, company) = owner(of: path)
        return company.map { "\(input.rawValue):\($0)" } ?? input.rawValue
    }
}

/// A kind of file made for every company, from what `CompanyWork` gives.
public struct CompanyFileKind: Sendable {
    public var name: String
    public var inputs: Set<PlanInput>
    public var make: @Sendable (CompanyWork) -> [OutputFile]

    public init(name: String, inputs: Set<PlanInput>, make: @escaping @Sendable (CompanyWork) -> [OutputFile]) {
        self.name = name
        self.inputs = inputs
        self.make = make
    }
}

/// A kind of file made for the site, from every company's summary (`SiteWork`): once, or in
/// parts, each made by a job of its own (a comparison page per period).
public struct SiteFileKind: Sendable {
    public var name: String
    /// Every company's inputs of these kinds (and the shared files with `.shared`).
    public var inputs: Set<PlanInput>
    public var parts: @Sendable (SiteWork) -> [Part]

    /// A part of a kind's files. Its `digest` stands for what it shows of the companies'
    /// summaries: a part with one is made again when that or the kind's `inputs` change.
    public struct Part: Sendable {
        public var name: String
        public var digest: String
        public var make: @Sendable () -> [OutputFile]

        public init(name: String, digest: String, make: @escaping @Sendable () -> [OutputFile]) {
            self.name = name
            self.digest = digest
            self.make = make
        }
    }

    /// A kind made in one part, again whenever its inputs change.
    public init(name: String, inputs: Set<PlanInput>, make: @escaping @Sendable (SiteWork) -> [OutputFile]) {
        self.init(name: name, inputs: inputs) { site in [Part(name: "", digest: "") { make(site) }] }
    }

    public init(name: String, inputs: Set<PlanInput>, parts: @escaping @Sendable (SiteWork) -> [Part]) {
        self.name = name
        self.inputs = inputs
        self.parts = parts
    }
}

/// Every kind of file a build writes, what each depends on and how it is made: the one list
/// that full builds, incremental builds and the tests read. A page kind is added here (and its
/// template in `Templates/`).
public struct SitePlan: Sendable {
    public var companyKinds: [CompanyFileKind]
    public var siteKinds: [SiteFileKind]

    public init(companyKinds: [CompanyFileKind], siteKinds: [SiteFileKind]) {
        self.companyKinds = companyKinds
        self.siteKinds = siteKinds
    }

    /// The kinds' names and inputs: a build with another plan doesn't trust the earlier cache.
    public var fingerprint: String {
        (companyKinds.map { "company \($0.name) \($0.inputs.sorted())" } + siteKinds.map { "site \($0.name) \($0.inputs.sorted())" })
            .joined(separator: "; ")
    }

    /// Every file of the plan for `dataset`, made in memory (no cache, nothing written).
    public func files(dataset: Dataset, templates: TemplateSet, siteTitle: String = SitePlan.siteTitle) -> [OutputFile] {
        let builder = SiteBuilder(dataset: dataset, templates: templates, siteTitle: siteTitle)
        var files: [OutputFile] = [], summaries: [CompanySummary] = [], entries: [AtomFeed.Entry] = []
        for company in dataset.companies {
            let work = CompanyWork(company: company, builder: builder)
            guard !work.hasErrors else { continue }
            files += companyKinds.flatMap { $0.make(work) }
            summaries.append(work.summary)
            entries += FeedBuilder.siteEntries(work.feedEntries, of: company.id)
        }
        let site = SiteWork(builder: builder, summaries: summaries, feedEntries: AtomFeed.latest(entries))
        return (files + siteKinds.flatMap { $0.parts(site).flatMap { $0.make() } }).sorted { $0.path < $1.path }
    }

    /// The title of the site's pages and feeds.
    public static let siteTitle = "Privacy transparency reports"
}

/// What the files made once for the site are made from.
public struct SiteWork: Sendable {
    public let builder: SiteBuilder
    /// Every company's summary, in company order.
    public let summaries: [CompanySummary]
    /// The site feed's entries, latest first, links relative to `site/`.
    public let feedEntries: [AtomFeed.Entry]

    public init(builder: SiteBuilder, summaries: [CompanySummary], feedEntries: [AtomFeed.Entry]) {
        self.builder = builder
        self.summaries = summaries
        self.feedEntries = feedEntries
    }
}
