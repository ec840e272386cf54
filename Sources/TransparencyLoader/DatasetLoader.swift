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
    /// - Returns: also what each statement file, document folder and company file gave, to be
    ///   reused later.
    public static func loadForBuild(
        directory: String, reuse: LoadRecords = LoadRecords()
    ) throws(DatasetError) -> (dataset: Dataset, warnings: [Diagnostic], records: LoadRecords) {
        try load(root: directory, files: DiskFiles(), deferFigures: true, reuse: reuse)
    }

    /// Reads a dataset held in memory.
    public static func load(_ files: MemoryFiles) throws(DatasetError) -> (dataset: Dataset, warnings: [Diagnostic]) {
        let (dataset, warnings, _) = try load(root: files.root, files: files)
        return (dataset, warnings)
    }

    static func load(
        root directory: String, files: any DatasetFiles, deferFigures: Bool = false, reuse: LoadRecords = LoadRecords()
    ) throws(DatasetError) -> (dataset: Dataset, warnings: [Diagnostic], records: LoadRecords) {
        guard files.isFolder(directory) else {
            throw DatasetError(diagnostics: [Diagnostic(SourceLocation(path: directory), "no dataset folder here")])
        }
        let context = LoadContext(root: directory, files: files, recording: false)
        // The three single files are read while the company, statement and document files are.
        // Each kind of id is defined in one kind of file, and references are checked at the end,
        // so the order in which the two sides join doesn't matter; diagnostics are sorted.
        let (single, perCompany) = context.alongside({ apart in
            (sources: SourcesLoader.load(apart), claims: ClaimsLoader.load(apart), evidence: EvidenceLoader.load(apart))
        }, { context in
            (companies: CompanyLoader.load(context, reuse: reuse.companyFiles), statements: StatementsLoader.load(context, reuse: reuse.statementFiles),
             documents: DocumentsLoader.load(context, reuse: reuse.documentFolders))
        })
        let (sources, claims, evidence) = single
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
                return RequestsLoader.readDeferred(path, company: company, files: files, knownSources: knownSources)
            }
        }
        return (dataset, diagnostics.sorted(), LoadRecords(
            statementFiles: statementRecords, documentFolders: documentRecords, companyFiles: companyRecords))
    }
}

/// What each statement file, each company's document folder and each company file gave when
/// read, by path.
public struct LoadRecords: Sendable, Equatable {
    public var statementFiles: [String: FileRecord]
    public var documentFolders: [String: FileRecord]
    public var companyFiles: [String: FileRecord]

    public init(
        statementFiles: [String: FileRecord] = [:], documentFolders: [String: FileRecord] = [:],
        companyFiles: [String: FileRecord] = [:]
    ) {
        self.statementFiles = statementFiles
        self.documentFolders = documentFolders
        self.companyFiles = companyFiles
    }
}
