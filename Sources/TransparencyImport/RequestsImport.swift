import Foundation
import TransparencyLoader
import TransparencyModel

/// `transparency import`: reads publishers' CSV files into a company's normalized requests file.
///
/// Every problem of every file is reported together and nothing is written when there is one.
/// Figures already in the file are replaced by imported figures with the same key and kept
/// otherwise, so importing the same file twice changes nothing and a newer file adds its periods.
public enum RequestsImport {
    /// What an import did, or would do (`dryRun`).
    public struct Summary: Sendable {
        public var output: String
        public var imported: Int
        public var added: Int
        public var changed: Int
        /// Figures an imported edition gave another value than an earlier one (both kept).
        public var restated: Int
        public var unchanged: Int
        /// The same counts for each period, in period order.
        public var byPeriod: [(period: Period, added: Int, changed: Int, restated: Int, unchanged: Int)]
        public var periods: [Period] { byPeriod.map(\.period) }
        public var formats: [String]
        public var warnings: [Diagnostic]
        /// Nothing was written.
        public var dryRun: Bool

        /// One line for the terminal.
        public var line: String {
            let span = periods.first.map { first in periods.count == 1 ? first.description : "\(first) to \(periods.last ?? first)" } ?? "no period"
            let counts = "\(added) added, \(changed) changed, \(restated) restated, \(unchanged) unchanged"
            if dryRun { return "Would import \(imported) figures (\(span), \(periods.count) periods) into \(output), writing nothing: \(counts)." }
            return "Imported \(imported) figures (\(span), \(periods.count) periods) into \(output): \(counts)."
        }

        /// A line per period: what the import changes in it.
        public var periodLines: [String] {
            byPeriod.map { "  \($0.period): \($0.added) added, \($0.changed) changed, \($0.restated) restated, \($0.unchanged) unchanged" }
        }
    }

    /// The built-in formats' names, for help texts.
    public static var builtInFormatNames: [String] { BuiltInFormats.mappings.map(\.name) }

    public static func run(
        files: [String], mapping mappingPath: String?, company: String, source: String, data: String, dryRun: Bool = false
    ) throws(DatasetError) -> Summary {
        let log = DiagnosticLog()
        let command = SourceLocation(path: "<command line>")
        let companyID: CompanyID? = FieldReader.slug(company, at: command, log: log)
        let sourceID: SourceID? = FieldReader.slug(source, at: command, log: log)
        if let companyID, !FileManager.default.fileExists(atPath: "\(data)/companies/\(companyID).yaml") {
            log.error(SourceLocation(path: "\(data)/companies/\(companyID).yaml"), "no company '\(companyID)' in the dataset: add this file first")
        }
        let sourceDates = sourceID.map { checkSource($0, data: data, log: log) } ?? [:]
        let mapping = mappingPath.flatMap { path -> ImportMapping? in
            guard let text = readText(path, log) else { return nil }
            return MappingReader.read(text, path: path, log: log)
        }
        guard let companyID, let sourceID, !log.hasErrors else { throw DatasetError(diagnostics: log.diagnostics) }

        var imported = ImportedFigures()
        var formats: [String] = []
        for path in files {
            guard let bytes = FileManager.default.contents(atPath: path) else {
                log.error(SourceLocation(path: path), "cannot read the file")
                continue
            }
            let before = imported.count, errors = log.diagnostics.count
            guard let format = importTable(Array(bytes), path: path, mapping: mapping, company: companyID, source: sourceID, log: log, into: &imported) else {
                continue
            }
            formats.append(format)
            // A file that gives nothing, without a reason already reported, is no success.
            if imported.count == before, log.diagnostics.count == errors {
                log.error(SourceLocation(path: path), "no figures were read from this file (mapping '\(format)'): check that its rows have values in the mapped columns, and that 'blank' and 'skip_jurisdictions' leave some")
            }
        }
        let output = "\(data)/requests/\(companyID).csv"
        let existing = existingFigures(output, company: companyID, log: log)
        // Merged even when rows had errors, so duplicates and percentage warnings come in the same run.
        let merge = Merge(existing: existing, imported: imported, log: log, edition: sourceDates[sourceID], sourceDates: sourceDates)
        guard !log.hasErrors else { throw DatasetError(diagnostics: log.diagnostics) }
        let byPeriod = merge.byPeriod.sorted { $0.key < $1.key }.map {
            (period: $0.key, added: $0.value.added, changed: $0.value.changed, restated: $0.value.restated, unchanged: $0.value.unchanged)
        }
        let summary = Summary(
            output: output, imported: imported.count, added: merge.total.added, changed: merge.total.changed,
            restated: merge.total.restated, unchanged: merge.total.unchanged, byPeriod: byPeriod,
            formats: formats, warnings: log.diagnostics.sorted(), dryRun: dryRun)
        if dryRun { return summary }
        do {
            try FileManager.default.createDirectory(atPath: "\(data)/requests", withIntermediateDirectories: true)
            try Data(RequestsFileWriter.csv(merge.all, order: merge.kept)).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw DatasetError(diagnostics: [Diagnostic(SourceLocation(path: output), "cannot write: \(error.localizedDescription)")])
        }
        return summary
    }

    /// Reads one CSV text with a built-in format (by name) or a mapping's YAML, writing nothing.
    public static func read(
        csv: String, path: String, company: CompanyID, source: SourceID, format: String? = nil, mappingYAML: String? = nil
    ) -> (figures: [RequestFigure], diagnostics: [Diagnostic]) {
        read(bytes: Array(csv.utf8), path: path, company: company, source: source, format: format, mappingYAML: mappingYAML)
    }

    /// Reads one file's bytes with a built-in format (by name) or a mapping's YAML, writing nothing.
    public static func read(
        bytes: [UInt8], path: String, company: CompanyID, source: SourceID, format: String? = nil, mappingYAML: String? = nil
    ) -> (figures: [RequestFigure], diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        var mapping: ImportMapping?
        if let mappingYAML {
            mapping = MappingReader.read(mappingYAML, path: path + ".mapping", log: log)
        } else if let format, let index = BuiltInFormats.mappings.firstIndex(where: { $0.name == format }) {
            mapping = BuiltInFormats.parsed[index]
        }
        var imported = ImportedFigures()
        if mappingYAML == nil || mapping != nil {
            _ = importTable(bytes, path: path, mapping: mapping, company: company, source: source, log: log, into: &imported)
        }
        _ = Merge(existing: [], imported: imported, log: log)
        return (imported.figures, log.diagnostics.sorted())
    }

    /// Decodes a file, reads its header, finds its format (the mapping, or a built-in format
    /// its header matches) and reads its rows into `imported`; the format's name, or nil (logged).
    private static func importTable(
        _ bytes: [UInt8], path: String, mapping: ImportMapping?, company: CompanyID, source: SourceID, log: DiagnosticLog,
        into imported: inout ImportedFigures
    ) -> String? {
        let text = PublisherText(bytes: bytes, encoding: mapping?.encoding, delimiter: mapping?.delimiter)
        if let problem = text.problem {
            log.error(SourceLocation(path: path), problem)
            return nil
        }
        var reader = CSVReader(bytes: text.utf8, delimiter: text.delimiter.byte).makeIterator()
        let header = reader.next()?.fields ?? []
        guard let format = mapping ?? detect(header, path: path, delimiter: text.delimiter, log: log) else { return nil }
        TableImporter(mapping: format, company: company, sources: [source], log: log)
            .run(&reader, header: header, path: path, delimiter: text.delimiter, into: &imported)
        return format.name
    }

    /// The built-in format whose header (or columns, and file name) match.
    static func detect(_ header: [String], path: String, delimiter: PublisherText.Delimiter, log: DiagnosticLog) -> ImportMapping? {
        let name = (path as NSString).lastPathComponent
        for case let mapping? in BuiltInFormats.parsed {
            let matches = mapping.header.map { $0 == header } ?? mapping.headerColumns.map { Set($0).isSubset(of: header) } ?? false
            guard matches, mapping.fileNameContains.map({ name.contains($0) }) ?? true else { continue }
            return mapping
        }
        log.error(SourceLocation(path: path), "unknown format (header read with the delimiter \(delimiter.shown): \(header.joined(separator: ","))); write a mapping file and pass --mapping, or use a file of a built-in format: \(builtInFormatNames.joined(separator: ", "))")
        return nil
    }

    private static func existingFigures(_ path: String, company: CompanyID, log: DiagnosticLog) -> [RequestFigure] {
        guard FileManager.default.fileExists(atPath: path), let text = readText(path, log) else { return [] }
        return RequestsFileParser.parse(Array(text.utf8), path: path, company: company, log: log).figures
    }

    /// Checks that `source` is in the dataset's sources, and returns every source's date: an
    /// imported edition is dated by its source.
    private static func checkSource(_ source: SourceID, data: String, log: DiagnosticLog) -> [SourceID: DataDate] {
        let path = "\(data)/sources.yaml"
        guard let text = readText(path, log), let root = YAMLValue.parse(text, path: path, log: log) else { return [:] }
        var dates: [SourceID: DataDate] = [:], ids: [String] = []
        for item in root.items ?? [] {
            guard let id = item.pairs?.first(where: { $0.key.text == "id" })?.value.text else { continue }
            ids.append(id)
            if let date = item.pairs?.first(where: { $0.key.text == "date" })?.value.text.flatMap(DataDate.init(parsing:)) {
                dates[SourceID(id)] = date
            }
        }
        if !ids.contains(source.rawValue) {
            log.error(SourceLocation(path: path), "no source '\(source)' in \(path)\(Suggestion.hint(for: source.rawValue, in: ids)): add it before importing figures that cite it")
        }
        return dates
    }

    private static func readText(_ path: String, _ log: DiagnosticLog) -> String? {
        LoadContext.readText(path, from: DiskFiles(), log: log)
    }
}
