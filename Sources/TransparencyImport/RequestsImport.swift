import Foundation
import TransparencyLoader
import TransparencyModel

/// `transparency import`: reads publishers' CSV files into a company's normalized requests file.
///
/// Every problem of every file is reported together and nothing is written when there is one.
/// Figures already in the file are replaced by imported figures with the same key and kept
/// otherwise, so importing the same file twice changes nothing and a newer file adds its periods.
public enum RequestsImport {
    /// What an import did.
    public struct Summary: Sendable {
        public var output: String
        public var imported: Int
        public var added: Int
        public var changed: Int
        /// Figures an imported edition gave another value than an earlier one (both kept).
        public var restated: Int
        public var unchanged: Int
        public var periods: [Period]
        public var formats: [String]
        public var warnings: [Diagnostic]

        /// One line for the terminal.
        public var line: String {
            let span = periods.first.map { first in periods.count == 1 ? first.description : "\(first) to \(periods.last ?? first)" } ?? "no period"
            return "Imported \(imported) figures (\(span), \(periods.count) periods) into \(output): "
                + "\(added) added, \(changed) changed, \(restated) restated, \(unchanged) unchanged."
        }
    }

    /// The built-in formats' names, for help texts.
    public static var builtInFormatNames: [String] { BuiltInFormats.mappings.map(\.name) }

    public static func run(
        files: [String], mapping mappingPath: String?, company: String, source: String, data: String
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
            var reader = CSVReader(bytes: withLineFeeds(Array(bytes))).makeIterator()
            let header = reader.next()?.fields ?? []
            guard let format = mapping ?? detect(header, path: path, log: log) else { continue }
            formats.append(format.name)
            let before = imported.count, errors = log.diagnostics.count
            TableImporter(mapping: format, company: companyID, sources: [sourceID], log: log)
                .run(&reader, header: header, path: path, into: &imported)
            // A file that gives nothing, without a reason already reported, is no success.
            if imported.count == before, log.diagnostics.count == errors {
                log.error(SourceLocation(path: path), "no figures were read from this file (mapping '\(format.name)'): check that its rows have values in the mapped columns, and that 'blank' and 'skip_jurisdictions' leave some")
            }
        }
        let output = "\(data)/requests/\(companyID).csv"
        let existing = existingFigures(output, company: companyID, log: log)
        // Merged even when rows had errors, so duplicates and percentage warnings come in the same run.
        let merge = Merge(existing: existing, imported: imported, log: log, edition: sourceDates[sourceID], sourceDates: sourceDates)
        guard !log.hasErrors else { throw DatasetError(diagnostics: log.diagnostics) }
        do {
            try FileManager.default.createDirectory(atPath: "\(data)/requests", withIntermediateDirectories: true)
            try Data(RequestsFileWriter.csv(merge.all, order: merge.kept)).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw DatasetError(diagnostics: [Diagnostic(SourceLocation(path: output), "cannot write: \(error.localizedDescription)")])
        }
        return Summary(
            output: output, imported: imported.count, added: merge.added, changed: merge.changed,
            restated: merge.restated, unchanged: merge.unchanged, periods: Set(imported.figures.map(\.period)).sorted(),
            formats: formats, warnings: log.diagnostics.sorted())
    }

    /// Reads one CSV text with a built-in format (by name) or a mapping's YAML, writing nothing.
    public static func read(
        csv: String, path: String, company: CompanyID, source: SourceID, format: String? = nil, mappingYAML: String? = nil
    ) -> (figures: [RequestFigure], diagnostics: [Diagnostic]) {
        let log = DiagnosticLog()
        var reader = CSVReader(bytes: withLineFeeds(Array(csv.utf8))).makeIterator()
        let header = reader.next()?.fields ?? []
        let mapping: ImportMapping?
        if let mappingYAML {
            mapping = MappingReader.read(mappingYAML, path: path + ".mapping", log: log)
        } else if let format, let index = BuiltInFormats.mappings.firstIndex(where: { $0.name == format }) {
            mapping = BuiltInFormats.parsed[index]
        } else {
            mapping = detect(header, path: path, log: log)
        }
        var imported = ImportedFigures()
        if let mapping {
            TableImporter(mapping: mapping, company: company, sources: [source], log: log).run(&reader, header: header, path: path, into: &imported)
        }
        _ = Merge(existing: [], imported: imported, log: log)
        return (imported.figures, log.diagnostics.sorted())
    }

    /// The bytes with each carriage return that ends a line alone (old Mac line endings, as in
    /// some of Meta's downloads) made a line feed; CRLF is left as it is.
    static func withLineFeeds(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0D) else { return bytes }
        var output = bytes
        for index in output.indices where output[index] == 0x0D && (index + 1 == output.count || output[index + 1] != 0x0A) {
            output[index] = 0x0A
        }
        return output
    }

    /// The built-in format whose header (and file name) match.
    static func detect(_ header: [String], path: String, log: DiagnosticLog) -> ImportMapping? {
        let name = (path as NSString).lastPathComponent
        for case let mapping? in BuiltInFormats.parsed {
            guard mapping.header == header,
                  mapping.fileNameContains.map({ name.contains($0) }) ?? true else { continue }
            return mapping
        }
        log.error(SourceLocation(path: path), "unknown format (header: \(header.joined(separator: ","))); write a mapping file and pass --mapping, or use a file of a built-in format: \(builtInFormatNames.joined(separator: ", "))")
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
