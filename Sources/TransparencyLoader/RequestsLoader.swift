import Foundation
import TransparencyModel

/// Reads `requests/<company>.csv`, the normalized long format: one published measure a row.
///
/// Columns: `period,jurisdiction,process,measure,value,sources` (sources separated by `;`).
enum RequestsLoader {
    static let columns = ["period", "jurisdiction", "process", "measure", "value", "sources"]

    static func load(_ context: LoadContext) -> [RequestFigure] {
        context.files(in: "requests", withExtension: "csv").flatMap { name in
            loadFile(context.path("requests/" + name), companyName: String(name.dropLast(4)), context)
        }
    }

    private static func loadFile(_ path: String, companyName: String, _ context: LoadContext) -> [RequestFigure] {
        guard let company: CompanyID = FieldReader.slug(companyName, at: SourceLocation(path: path), log: context.log),
              let text = context.readText(path) else { return [] }
        context.registry.refer(to: "company", company.rawValue, at: SourceLocation(path: path))
        let table = CSVTable(text: text, path: path)
        for problem in table.problems { context.log.error(problem.location, problem.message) }
        guard table.header == columns else {
            context.log.error(
                SourceLocation(path: path),
                "the header must be exactly '\(columns.joined(separator: ","))', found '\(table.header.joined(separator: ","))'")
            return []
        }
        return table.rows.compactMap { figure($0, company: company, context) }
    }

    private static func figure(_ row: CSVTable.Row, company: CompanyID, _ context: LoadContext) -> RequestFigure? {
        let log = context.log
        guard row.fields.count == columns.count else {
            log.error(row.location(ofField: 0), "expected \(columns.count) fields, found \(row.fields.count)")
            return nil
        }
        let period = Period(parsing: row.fields[0])
        if period == nil {
            log.error(row.location(ofField: 0), "malformed period '\(row.fields[0])': expected 2013-H1, 2013 or 2012-12-01..2013-05-31")
        }
        let jurisdiction = Jurisdiction(code: row.fields[1])
        if jurisdiction == nil {
            log.error(row.location(ofField: 1), "unknown jurisdiction '\(row.fields[1])': expected an ISO 3166-1 alpha-2 code such as US, or WORLD")
        }
        let process = LegalProcess(rawValue: row.fields[2])
        if process == nil {
            let names = LegalProcess.allCases.map(\.rawValue)
            log.error(row.location(ofField: 2), "unknown legal process '\(row.fields[2])'\(Suggestion.hint(for: row.fields[2], in: names))")
        }
        let measure = Measure(rawValue: row.fields[3])
        if measure == nil {
            let names = Measure.allCases.map(\.rawValue)
            log.error(row.location(ofField: 3), "unknown measure '\(row.fields[3])'\(Suggestion.hint(for: row.fields[3], in: names))")
        }
        var value: FigureValue?
        if let measure {
            switch PublishedValueParser.value(row.fields[4], for: measure) {
            case .success(let parsed): value = parsed
            case .failure(let problem): log.error(row.location(ofField: 4), problem.description)
            }
        }
        let sources = sourceIDs(row, context)
        guard let period, let jurisdiction, let process, let measure, let value, !sources.isEmpty else { return nil }
        return RequestFigure(
            company: company, period: period, jurisdiction: jurisdiction, process: process,
            measure: measure, value: value, sources: sources)
    }

    private static func sourceIDs(_ row: CSVTable.Row, _ context: LoadContext) -> [SourceID] {
        let location = row.location(ofField: 5)
        let names = row.fields[5].split(separator: ";").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty else {
            context.log.error(location, "the figure has no source: name at least one source id")
            return []
        }
        return names.compactMap { name in
            guard let id: SourceID = FieldReader.slug(name, at: location, log: context.log) else { return nil }
            context.registry.refer(to: "source", id.rawValue, at: location)
            return id
        }
    }
}
