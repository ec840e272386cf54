import TransparencyModel

/// Reads `sources.yaml`: a list of the documents the dataset cites.
enum SourcesLoader {
    static let fields = ["id", "title", "publisher", "url", "date", "archived"]

    static func load(_ context: LoadContext) -> [SourceID: Source] {
        let path = context.path("sources.yaml")
        guard let root = context.yaml(path) else {
            context.registry.markIncomplete("source")
            return [:]
        }
        guard let items = root.items else {
            context.log.error(root.location, "expected a list of sources, found \(root.kindName)")
            return [:]
        }
        var sources: [SourceID: Source] = [:]
        for item in items {
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
