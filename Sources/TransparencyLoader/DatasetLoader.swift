import Foundation
@_exported import TransparencyModel

/// Loads and validates a dataset folder, reporting every problem of the run together.
public enum DatasetLoader {
    /// Reads the dataset at `directory`.
    ///
    /// - Returns: the dataset and its warnings.
    /// - Throws: `DatasetError` with every error (and warning) found, in file and line order.
    public static func load(directory: String) throws(DatasetError) -> (dataset: Dataset, warnings: [Diagnostic]) {
        let (dataset, warnings, _) = try load(root: directory, files: DiskFiles())
        return (dataset, warnings)
    }

    /// Reads the dataset at `directory` for a build: its request files are listed to be read
    /// one company at a time (`Dataset.loadFigures(of:)`), and the statement files, document
    /// folders and company files in `reuse` are not read (their records stand for them: the
    /// dataset holds none of those statements and documents, and the companies their records
    /// keep). When the rest has errors, the request files are read too, so that the error lists
    /// the problems of every file.
    ///
    /// The request files of `readingAhead` (the companies a build will make first) are read
    /// on another core while the rest loads.
    ///
    /// - Returns: also what each statement file, document folder and company file gave, to be
    ///   reused later.
    ///
    /// `previous` holds the records of the build that `reuse` comes from: when the files read
    /// again define what they defined then, the references of the files not read again are not
    /// checked again (they were all found then).
    public static func loadForBuild(
        directory: String, reuse: LoadRecords = LoadRecords(), previous: LoadRecords? = nil, readingAhead: Set<CompanyID> = []
    ) throws(DatasetError) -> (dataset: Dataset, warnings: [Diagnostic], records: LoadRecords) {
        let files = DiskFiles()
        guard !readingAhead.isEmpty else {
            return try load(root: directory, files: files, deferFigures: true, reuse: reuse, previous: previous)
        }
        let ahead = ReadAhead()
        let (_, loaded) = parallelPair({
            for company in readingAhead {
                // The path `listDeferred` gives the file, by which it is found again.
                let path = LoadContext.path("requests/" + company.rawValue + ".csv", under: directory)
                // A lone file is read in eight parts on all cores: a build that makes one
                // company again has a core to spare here, and the calling thread takes parts
                // when its share of the load is done.
                ahead.results[path] = RequestsLoader.readAhead(path, company: company, files: files, parts: readingAhead.count == 1 ? 8 : 1)
            }
        }, { () -> Result<(dataset: Dataset, warnings: [Diagnostic], records: LoadRecords), DatasetError> in
            do throws(DatasetError) {
                return .success(try load(root: directory, files: files, deferFigures: true, reuse: reuse, previous: previous, ahead: ahead))
            } catch {
                return .failure(error)
            }
        })
        return try loaded.get()
    }

    /// Request files read ahead, by path: written by one task, read only after it has ended.
    final class ReadAhead: @unchecked Sendable {
        var results: [String: RequestsLoader.FileResult] = [:]
    }

    /// Reads a dataset held in memory.
    public static func load(_ files: MemoryFiles) throws(DatasetError) -> (dataset: Dataset, warnings: [Diagnostic]) {
        let (dataset, warnings, _) = try load(root: files.root, files: files)
        return (dataset, warnings)
    }

    static func load(
        root directory: String, files: any DatasetFiles, deferFigures: Bool = false, reuse: LoadRecords = LoadRecords(),
        previous: LoadRecords? = nil, ahead: ReadAhead? = nil
    ) throws(DatasetError) -> (dataset: Dataset, warnings: [Diagnostic], records: LoadRecords) {
        guard files.isFolder(directory) else {
            throw DatasetError(diagnostics: [Diagnostic(SourceLocation(path: directory), "no dataset folder here")])
        }
        let context = LoadContext(root: directory, files: files, recording: false)
        context.deferringReusedReferences = previous != nil
        if let previous {
            let files = [previous.statementFiles, previous.documentFolders, previous.companyFiles]
            context.registry.reserve(for: files.flatMap { $0.values.map(\.registry) } + (previous.shared.map { [$0.record.registry] } ?? []))
        }
        // The three single files are read while the company, statement and document files are.
        // Each kind of id is defined in one kind of file, and references are checked at the end,
        // so the order in which the two sides join doesn't matter; diagnostics are sorted.
        let perCompanyFiles = { @Sendable (context: LoadContext) in
            (companies: CompanyLoader.load(context, reuse: reuse.companyFiles), statements: StatementsLoader.load(context, reuse: reuse.statementFiles),
             documents: DocumentsLoader.load(context, reuse: reuse.documentFolders))
        }
        // With a record of them (from a build whose shared files are unchanged), they are not read.
        let shared: SharedRecord
        let perCompany: (companies: ([Company], [String: FileRecord]), statements: ([Statement], [String: FileRecord]),
                         documents: ([Document], [String: FileRecord]))
        if let kept = reuse.shared {
            perCompany = perCompanyFiles(context)
            context.replay(kept.record, reused: true)
            shared = kept
        } else {
            let (single, here, record) = context.alongside({ apart in
                (sources: SourcesLoader.load(apart), claims: ClaimsLoader.load(apart), evidence: EvidenceLoader.load(apart))
            }, perCompanyFiles)
            perCompany = here
            shared = SharedRecord(sources: single.sources, claims: single.claims, evidence: single.evidence, record: record)
        }
        let (sources, claims, evidence) = (shared.sources, shared.claims, shared.evidence)
        let (companies, companyRecords) = perCompany.companies
        let (statements, statementRecords) = perCompany.statements
        let (documents, documentRecords) = perCompany.documents
        if companies.isEmpty, !context.log.hasErrors {
            context.log.error(SourceLocation(path: context.path("companies")), "the dataset has no company: add companies/<id>.yaml")
        }
        // Deferred only when all else is well: otherwise the build stops here, and the request
        // files' problems are reported with the others.
        let deferred = deferFigures && !context.log.hasErrors ? RequestsLoader.listDeferred(context) : nil
        let figures = deferred == nil ? RequestsLoader.load(context) : [:]
        let records = LoadRecords(
            statementFiles: statementRecords, documentFolders: documentRecords, companyFiles: companyRecords, shared: shared)
        if let previous, !records.definesTheSame(as: previous, readingAgainAllBut: reuse) { context.replayDeferredReferences() }
        context.registry.checkReferences(log: context.log)
        let diagnostics = context.log.diagnostics
        if context.log.hasErrors { throw DatasetError(diagnostics: diagnostics) }
        var dataset = Dataset(
            companies: companies, sources: sources, claims: claims, statements: statements,
            evidence: evidence, figuresByCompany: figures, documents: documents)
        if let deferred {
            let knownSources = Set(sources.keys)
            dataset.deferredFigures = DeferredFigures(companies: Set(deferred.keys)) { company in
                guard let path = deferred[company] else { return ([], []) }
                if let result = ahead?.results[path] { return RequestsLoader.checked(result, knownSources: knownSources) }
                return RequestsLoader.readDeferred(path, company: company, files: files, knownSources: knownSources)
            }
        }
        return (dataset, diagnostics.sorted(), records)
    }
}

/// What each statement file, each company's document folder and each company file gave when
/// read, by path.
public struct LoadRecords: Sendable, Equatable {
    public var statementFiles: [String: FileRecord]
    public var documentFolders: [String: FileRecord]
    public var companyFiles: [String: FileRecord]
    /// What the shared files (sources, claims, evidence) gave.
    public var shared: SharedRecord?

    public init(
        statementFiles: [String: FileRecord] = [:], documentFolders: [String: FileRecord] = [:],
        companyFiles: [String: FileRecord] = [:], shared: SharedRecord? = nil
    ) {
        self.statementFiles = statementFiles
        self.documentFolders = documentFolders
        self.companyFiles = companyFiles
        self.shared = shared
    }
}

/// What the dataset's shared files (`sources.yaml`, `claims.yaml`, `evidence/`) gave when read:
/// their values, and what they logged and defined. An incremental build has them unchanged
/// (a change to one makes a full build), so it takes them from here.
public struct SharedRecord: Sendable, Equatable {
    public var sources: [SourceID: Source]
    public var claims: [ClaimID: Claim]
    public var evidence: [Evidence]
    public var record: FileRecord

    public init(sources: [SourceID: Source], claims: [ClaimID: Claim], evidence: [Evidence], record: FileRecord) {
        self.sources = sources
        self.claims = claims
        self.evidence = evidence
        self.record = record
    }
}
