import TransparencyModel

/// Reads `statements/<company>.yaml`: what a company said, quoted exactly, with its claims.
enum StatementsLoader {
    static let fileFields = ["company", "statements"]
    static let fields = ["id", "date", "speaker", "kind", "quote", "claims", "sources"]
    static let claimFields = ["claim", "services"]

    static func load(_ context: LoadContext) -> [Statement] {
        context.files(in: "statements", withExtension: "yaml").flatMap { name in
            loadFile(context.path("statements/" + name), context)
        }
    }

    private static func loadFile(_ path: String, _ context: LoadContext) -> [Statement] {
        guard let root = context.yaml(path),
              let reader = FieldReader(root, what: "a statements file", allowed: fileFields, log: context.log),
              let company: CompanyID = context.reference(reader, "company", kind: "company") else { return [] }
        return reader.list("statements").compactMap { statement($0, company: company, context) }
    }

    private static func statement(_ value: YAMLValue, company: CompanyID, _ context: LoadContext) -> Statement? {
        guard let reader = FieldReader(value, what: "a statement", allowed: fields, log: context.log),
              let id: StatementID = reader.slug("id") else { return nil }
        let date = reader.date("date")
        let speaker = reader.text("speaker", required: false)
        let kind = reader.text("kind").flatMap { text -> Statement.Kind? in
            guard let kind = Statement.Kind(rawValue: text) else {
                let names = Statement.Kind.allCases.map(\.rawValue)
                context.log.error(
                    reader.location("kind"),
                    "unknown statement kind '\(text)'\(Suggestion.hint(for: text, in: names)); use one of \(names.joined(separator: ", "))")
                return nil
            }
            return kind
        }
        let quote = reader.text("quote")
        let claims = reader.list("claims").compactMap { claim($0, context) }
        let sources = context.citedSources(reader)
        guard context.registry.define("statement", id.rawValue, at: reader.location("id"), log: context.log),
              let date, let kind, let quote else { return nil }
        return Statement(
            id: id, company: company, date: date, speaker: speaker, kind: kind,
            quote: quote, claims: claims, sources: sources)
    }

    /// `- denies-direct-access` or `- {claim: denies-direct-access, services: [skype]}`.
    private static func claim(_ value: YAMLValue, _ context: LoadContext) -> StatementClaim? {
        if let text = value.text {
            guard let id: ClaimID = FieldReader.slug(text, at: value.location, log: context.log) else { return nil }
            context.registry.refer(to: "claim", id.rawValue, at: value.location)
            return StatementClaim(claim: id)
        }
        guard let reader = FieldReader(value, what: "a claim", allowed: claimFields, log: context.log),
              let id: ClaimID = context.reference(reader, "claim", kind: "claim") else { return nil }
        if reader.value("services")?.text == "all" { return StatementClaim(claim: id) }
        let services: [ServiceID] = context.references(reader, "services", kind: "service")
        return StatementClaim(claim: id, scope: services.isEmpty ? .allServices : .services(services))
    }
}
