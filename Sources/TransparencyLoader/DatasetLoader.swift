import Foundation
@_exported import TransparencyModel

/// Loads and validates a dataset folder, reporting every problem of the run together.
public enum DatasetLoader {
    /// Reads the dataset at `directory`.
    ///
    /// - Returns: the dataset and its warnings.
    /// - Throws: `DatasetError` with every error (and warning) found, in file and line order.
    public static func load(directory: String) throws(DatasetError) -> (dataset: Dataset, warnings: [Diagnostic]) {
        try load(root: directory, files: DiskFiles())
    }

    /// Reads the dataset at `directory` for a build: its request files are listed, to be read
    /// one company at a time (`Dataset.loadFigures(of:)`), so that all of them are never in
    /// memory at once. With `companies`, only those companies' statements and documents are
    /// read (every company file and shared file is). When the rest has errors, the request
    /// files are read too, so that the error lists the problems of every file.
    public static func loadForBuild(
        directory: String, companyFilesOf companies: Set<CompanyID>? = nil
    ) throws(DatasetError) -> (dataset: Dataset, warnings: [Diagnostic]) {
        try load(root: directory, files: DiskFiles(), deferFigures: true, companyFilesOf: companies)
    }

    /// Reads a dataset held in memory.
    public static func load(_ files: MemoryFiles) throws(DatasetError) -> (dataset: Dataset, warnings: [Diagnostic]) {
        try load(root: files.root, files: files)
    }

    static func load(
        root directory: String, files: any DatasetFiles, deferFigures: Bool = false, companyFilesOf companies: Set<CompanyID>? = nil
    ) throws(DatasetError) -> (dataset: Dataset, warnings: [Diagnostic]) {
        guard files.isFolder(directory) else {
            throw DatasetError(diagnostics: [Diagnostic(SourceLocation(path: directory), "no dataset folder here")])
        }
        let context = LoadContext(root: directory, files: files, recording: false)
        // The shared files first (they are small), then the company, statement and
        // document files on all cores. References are checked at the end.
        let shared = (
            sources: SourcesLoader.load(context), claims: ClaimsLoader.load(context), evidence: EvidenceLoader.load(context),
            events: EventsLoader.load(context))
        let perCompany = (
            companies: CompanyLoader.load(context), statements: StatementsLoader.load(context, companies: companies),
            documents: DocumentsLoader.load(context, companies: companies))
        if perCompany.companies.isEmpty, !context.log.hasErrors {
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
            companies: perCompany.companies, sources: shared.sources, claims: shared.claims, statements: perCompany.statements,
            evidence: shared.evidence, figuresByCompany: figures, documents: perCompany.documents, events: shared.events)
        if let deferred {
            let knownSources = Set(shared.sources.keys)
            dataset.deferredFigures = DeferredFigures(companies: Set(deferred.keys)) { company in
                guard let path = deferred[company] else { return ([], []) }
                return RequestsLoader.readDeferred(path, company: company, files: files, knownSources: knownSources)
            }
        }
        return (dataset, diagnostics.sorted())
    }
}
