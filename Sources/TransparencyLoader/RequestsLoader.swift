import TransparencyModel

/// Reads `requests/<company>.csv`, the normalized long format: one published measure a row.
enum RequestsLoader {
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
        return RequestsFileParser.parse(table, path: path, company: company, log: context.log).map { parsed in
            for source in parsed.figure.sources {
                context.registry.refer(to: "source", source.rawValue, at: parsed.row.location(ofField: parsed.sourcesColumn))
            }
            return parsed.figure
        }
    }
}
