import TransparencyModel

/// Reads `sources.yaml`: a list of the documents the dataset cites.
enum SourcesLoader {
    static let fields = ["id", "title", "publisher", "url", "date", "archived"]

    static func load(_ context: LoadContext) -> [SourceID: Source] {
        var sources: [SourceID: Source] = [:]
        for item in context.listFile("sources.yaml", of: "source") {
            guard let reader = FieldReader(item, what: "a source", allowed: fields, log: context.log),
                  let id: SourceID = reader.slug("id") else { continue }
            let title = reader.text("title")
            let publisher = reader.text("publisher")
            let url = reader.link("url")
            let date = reader.date("date", required: false)
            let archived = reader.link("archived", required: false)
            guard context.registry.define("source", id.rawValue, at: reader.location("id"), log: context.log),
                  let title, let publisher, let url else { continue }
            sources[id] = Source(id: id, title: title, publisher: publisher, url: url, date: date, archivedURL: archived)
        }
        return sources
    }
}
