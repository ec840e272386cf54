import TransparencyModel

/// Reads `evidence/*.yaml`: one revelation, court record or report a file.
enum EvidenceLoader {
    static let fields = [
        "id", "date", "title", "summary", "program", "companies", "services", "bears_on",
        "collection_starts", "sources",
    ]
    static let bearingFields = ["claim", "stance", "reason"]
    static let startFields = ["company", "service", "date"]

    static func load(_ context: LoadContext) -> [Evidence] {
        context.files(in: "evidence", withExtension: "yaml").compactMap { name in
            guard let root = context.yaml(context.path("evidence/" + name)) else {
                context.registry.markIncomplete("evidence")
                return nil
            }
            return evidence(root, context)
        }
    }

    private static func evidence(_ value: YAMLValue, _ context: LoadContext) -> Evidence? {
        guard let reader = FieldReader(value, what: "an evidence item", allowed: fields, log: context.log),
              let id: EvidenceID = reader.slug("id") else { return nil }
        let date = reader.date("date")
        let title = reader.text("title")
        let summary = reader.text("summary")
        let program = reader.text("program", required: false)
        let companies: [CompanyID] = context.references(reader, "companies", kind: "company")
        if companies.isEmpty { context.log.error(reader.mapping.location, "an evidence item has no 'companies'") }
        let services: [ServiceID] = context.references(reader, "services", kind: "service")
        let bearings = reader.list("bears_on").compactMap { bearing($0, context) }
        let starts = reader.list("collection_starts").compactMap { collectionStart($0, context) }
        let sources = context.citedSources(reader)
        guard context.registry.define("evidence", id.rawValue, at: reader.location("id"), log: context.log),
              let date, let title, let summary else { return nil }
        return Evidence(
            id: id, date: date, title: title, summary: summary, program: program, companies: companies,
            services: services, bearings: bearings, collectionStarts: starts, sources: sources)
    }

    private static func bearing(_ value: YAMLValue, _ context: LoadContext) -> Evidence.Bearing? {
        guard let reader = FieldReader(value, what: "a bearing on a claim", allowed: bearingFields, log: context.log) else {
            return nil
        }
        let claim: ClaimID? = context.reference(reader, "claim", kind: "claim")
        let stance: Evidence.Stance? = reader.word("stance", "stance")
        // Required: a stance says no more than its source, and the reason says what that is.
        let reason = reader.text("reason")
        guard let claim, let stance, let reason else { return nil }
        return Evidence.Bearing(claim: claim, stance: stance, reason: reason)
    }

    private static func collectionStart(_ value: YAMLValue, _ context: LoadContext) -> Evidence.CollectionStart? {
        guard let reader = FieldReader(value, what: "a collection start", allowed: startFields, log: context.log) else {
            return nil
        }
        let company: CompanyID? = context.reference(reader, "company", kind: "company")
        let service: ServiceID? = context.reference(reader, "service", kind: "service", required: false)
        let date = reader.date("date")
        guard let company, let date else { return nil }
        return Evidence.CollectionStart(company: company, service: service, date: date)
    }
}
