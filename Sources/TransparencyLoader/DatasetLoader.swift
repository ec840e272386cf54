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

    /// Reads the dataset at `directory` but its request files, which are listed to be read one
    /// company at a time (`Dataset.loadFigures(of:)`). When the rest has errors, the request
    /// files are read too, so that the error lists the problems of every file.
    public static func loadDeferringFigures(directory: String) throws(DatasetError) -> (dataset: Dataset, warnings: [Diagnostic]) {
        try load(root: directory, files: DiskFiles(), deferFigures: true)
    }

    /// Reads a dataset held in memory.
    public static func load(_ files: MemoryFiles) throws(DatasetError) -> (dataset: Dataset, warnings: [Diagnostic]) {
        try load(root: files.root, files: files)
    }

    static func load(
        root directory: String, files: any DatasetFiles, deferFigures: Bool = false
    ) throws(DatasetError) -> (dataset: Dataset, warnings: [Diagnostic]) {
        guard files.isFolder(directory) else {
            throw DatasetError(diagnostics: [Diagnostic(SourceLocation(path: directory), "no dataset folder here")])
        }
        let context = LoadContext(root: directory, files: files)
        let sources = SourcesLoader.load(context)
        let claims = ClaimsLoader.load(context)
        let companies = CompanyLoader.load(context)
        if companies.isEmpty, !context.log.hasErrors {
            context.log.error(SourceLocation(path: context.path("companies")), "the dataset has no company: add companies/<id>.yaml")
        }
        let statements = StatementsLoader.load(context)
        let evidence = EvidenceLoader.load(context)
        let documents = DocumentsLoader.load(context)
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
        return (dataset, diagnostics.sorted())
    }
}
