@_exported import Platform
import Foundation
import TransparencyModel

/// One file-making job of a build plan: its id (the same from build to build), the digest of
/// the inputs it depends on, and how it makes its files from a context shared by the jobs of
/// its unit (a company's analysis, say).
public struct PlannedJob<Context>: Sendable {
    public var id: String
    public var digest: String
    public var make: @Sendable (Context) throws(PublishError) -> [OutputFile]

    public init(id: String, digest: String, make: @escaping @Sendable (Context) throws(PublishError) -> [OutputFile]) {
        self.id = id
        self.digest = digest
        self.make = make
    }
}

/// Runs the jobs of a build plan into a publication: a job whose digest is the one the
/// previous build recorded for it, and whose files are all in the previous output, is not run:
/// its files are linked from there. The others are run. Either way the output is what running
/// every job gives.
public final class IncrementalExecutor<State: Codable & Sendable>: @unchecked Sendable {
    public let publication: Publication
    /// The previous build's cache, when it can be used.
    public let previous: BuildCache<State>?
    private let lock = NSLock()
    private var records: [String: BuildCache<State>.Job] = [:]
    private var counts = (made: 0, kept: 0, files: 0, pages: 0)

    public init(publication: Publication, previous: BuildCache<State>?) {
        self.publication = publication
        self.previous = previous
    }

    /// Runs or keeps `jobs`, which share one context: `context` is called once, when the first
    /// job to run needs it. Returns whether any job was run.
    @discardableResult
    public func run<Context>(_ jobs: [PlannedJob<Context>], context: () -> Context) throws(PublishError) -> Bool {
        var made: Context?
        var ran = false
        for job in jobs {
            if let record = previous?.jobs[job.id], record.digest == job.digest, publication.keep(record.outputs) {
                note(job, outputs: record.outputs, made: false)
                continue
            }
            if made == nil { made = context() }
            guard let made else { continue }
            let files = try job.make(made)
            try publication.write(files)
            note(job, outputs: files.map(\.path), made: true)
            ran = true
        }
        return ran
    }

    private func note<Context>(_ job: PlannedJob<Context>, outputs: [String], made: Bool) {
        lock.withLock {
            records[job.id] = .init(digest: job.digest, outputs: outputs)
            if made { counts.made += 1 } else { counts.kept += 1 }
            counts.files += outputs.count
            counts.pages += outputs.filter { $0.hasSuffix(".html") }.count
        }
    }

    /// How many jobs were run and kept, and how many files and HTML pages the output holds.
    public var tally: (made: Int, kept: Int, files: Int, pages: Int) { lock.withLock { counts } }

    /// Writes the cache of this build (with `groups` and `state`) and puts the output in place.
    public func commit(settings: String, groups: [String: String], state: State) throws(PublishError) -> Publication.Result {
        let cache = BuildCache(settings: settings, groups: groups, jobs: lock.withLock { records }, state: state)
        try publication.write([cache.file()], counted: false)
        return try publication.commit()
    }
}
