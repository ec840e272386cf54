import Foundation
import TransparencyModel

/// Reads `requests/<company>.csv`, the normalized long format: one published measure a row.
/// Files are read and parsed on all cores; their diagnostics and references join the run's in
/// file order, so the result is the same on any number of cores.
public enum RequestsLoader {
    /// What one file gives: its figures, its problems, and the sources it cites.
    struct FileResult: Sendable {
        var figures: [RequestFigure] = []
        var diagnostics: [Diagnostic] = []
        var sources: [(id: SourceID, location: SourceLocation)] = []
        var company: (id: CompanyID, location: SourceLocation)?
    }

    /// Each company's figures, in key order.
    static func load(_ context: LoadContext) -> [CompanyID: [RequestFigure]] {
        let names = context.files(in: "requests", withExtension: "csv")
        let paths = names.map { (context.path("requests/" + $0), String($0.dropLast(4))) }
        let files = context.files
        let results = parallelMap(paths) { path, companyName in loadFile(path, companyName: companyName, files: files) }
        var figures: [CompanyID: [RequestFigure]] = [:]
        for result in results {
            context.log.append(result.diagnostics)
            if let company = result.company { context.registry.refer(to: "company", company.id.rawValue, at: company.location) }
            for source in result.sources { context.registry.refer(to: "source", source.id.rawValue, at: source.location) }
            if let company = result.company?.id, !result.figures.isEmpty { figures[company] = result.figures }
        }
        return figures
    }

    /// The request files by company, unread: each is read later by `readDeferred`. Their
    /// companies are checked now; their sources when they are read.
    /// Nil when a file's name is not a company id: `load` then reads them all and reports it.
    static func listDeferred(_ context: LoadContext) -> [CompanyID: String]? {
        var paths: [CompanyID: String] = [:]
        for name in context.files(in: "requests", withExtension: "csv") {
            let id = String(name.dropLast(4))
            guard CompanyID.isValidSlug(id) else { return nil }
            paths[CompanyID(id)] = context.path("requests/" + name)
        }
        for (company, path) in paths.sorted(by: { $0.key < $1.key }) {
            context.registry.refer(to: "company", company.rawValue, at: SourceLocation(path: path))
        }
        return paths
    }

    /// Reads a deferred request file: its figures in key order, and its problems, including
    /// sources not among `knownSources`.
    static func readDeferred(
        _ path: String, company: CompanyID, files: any DatasetFiles, knownSources: Set<SourceID>
    ) -> (figures: [RequestFigure], diagnostics: [Diagnostic]) {
        let result = loadFile(path, companyName: company.rawValue, files: files)
        let log = DiagnosticLog()
        for source in result.sources where !knownSources.contains(source.id) {
            log.error(source.location, "unknown source '\(source.id)'\(Suggestion.hint(for: source.id.rawValue, in: knownSources.map(\.rawValue)))")
        }
        return (result.figures, result.diagnostics + log.diagnostics)
    }

    /// The line of each figure of a request file, by key: read again, for the few figures a
    /// warning points to, so that figures need not carry their lines.
    public static func lines(of path: String, company: CompanyID, files: any DatasetFiles) -> [RequestFigure.Key: Int] {
        guard let bytes = files.bytes(of: path) else { return [:] }
        let parsed = RequestsFileParser.parse(bytes, path: path, company: company, log: DiagnosticLog())
        var lines: [RequestFigure.Key: Int] = [:]
        for (figure, line) in zip(parsed.figures, parsed.lines) { lines[figure.key] = line }
        return lines
    }

    private static func loadFile(_ path: String, companyName: String, files: any DatasetFiles) -> FileResult {
        let log = DiagnosticLog()
        var result = read(path, companyName: companyName, files: files, log: log)
        result.diagnostics = log.diagnostics
        return result
    }

    private static func read(_ path: String, companyName: String, files: any DatasetFiles, log: DiagnosticLog) -> FileResult {
        var result = FileResult()
        guard let company: CompanyID = FieldReader.slug(companyName, at: SourceLocation(path: path), log: log) else { return result }
        guard let bytes = files.bytes(of: path) else {
            log.error(SourceLocation(path: path), "cannot read the file")
            return result
        }
        result.company = (company, SourceLocation(path: path))
        let parsed = RequestsFileParser.parse(bytes, path: path, company: company, log: log)
        result.sources = parsed.sources
        result.figures = parsed.figures
        return result
    }
}
