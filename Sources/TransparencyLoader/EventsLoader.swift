import TransparencyModel

/// Reads `events/*.yaml`: one letter, court motion, lawsuit, settlement, rule change or report
/// a file, with the companies it concerns.
enum EventsLoader {
    static let fields = ["id", "date", "kind", "title", "summary", "companies", "sources"]

    static func load(_ context: LoadContext) -> [Event] {
        context.files(in: "events", withExtension: "yaml").compactMap { name in
            guard let root = context.yaml(context.path("events/" + name)) else {
                context.registry.markIncomplete("event")
                return nil
            }
            return event(root, context)
        }
    }

    private static func event(_ value: YAMLValue, _ context: LoadContext) -> Event? {
        guard let reader = FieldReader(value, what: "an event", allowed: fields, log: context.log),
              let id: EventID = reader.slug("id") else { return nil }
        let date = reader.date("date")
        let kind: Event.Kind? = reader.word("kind", "event kind")
        let title = reader.text("title")
        let summary = reader.text("summary")
        let companies: [CompanyID] = context.references(reader, "companies", kind: "company")
        if companies.isEmpty { context.log.error(reader.mapping.location, "an event has no 'companies'") }
        let sources = context.citedSources(reader)
        guard context.registry.define("event", id.rawValue, at: reader.location("id"), log: context.log),
              let date, let kind, let title, let summary else { return nil }
        return Event(id: id, date: date, kind: kind, title: title, summary: summary, companies: companies, sources: sources)
    }
}
