import TransparencyModel

/// Reads `statements/<company>.yaml`: what a company said, quoted exactly, with its claims.
enum StatementsLoader {
    static let fileFields = ["company", "statements"]
    static let fields = ["id", "date", "speaker", "kind", "quote", "claims", "answers", "withdraws", "sources"]
    static let claimFields = ["claim", "services"]

    /// The statements of every file (or of the files of `companies` only), read on all cores.
    static func load(_ context: LoadContext, companies: Set<CompanyID>? = nil) -> [Statement] {
        let names = context.files(in: "statements", withExtension: "yaml").filter { name in
            companies.map { $0.contains(CompanyID(String(name.dropLast(5)))) } ?? true
        }
        return context.readEach(names.map { context.path("statements/" + $0) }) { path, file in loadFile(path, file) }
    }

    private static func loadFile(_ path: String, _ context: LoadContext) -> [Statement] {
        guard let root = context.yaml(path),
              let reader = FieldReader(root, what: "a statements file", allowed: fileFields, log: context.log),
              let company: CompanyID = context.reference(reader, "company", kind: "company") else { return [] }
        // A company's files are named after it: a build finds what a change touched by the names.
        let name = String((path.split(separator: "/").last ?? "").dropLast(5))
        if company.rawValue != name {
            context.log.error(
                reader.location("company"),
                "the statements of company '\(company)' are in '\(name).yaml': move them to statements/\(company).yaml")
        }
        return reader.list("statements").compactMap { statement($0, company: company, context) }
    }

    private static func statement(_ value: YAMLValue, company: CompanyID, _ context: LoadContext) -> Statement? {
        guard let reader = FieldReader(value, what: "a statement", allowed: fields, log: context.log),
              let id: StatementID = reader.slug("id") else { return nil }
        let date = reader.date("date")
        let speaker = reader.text("speaker", required: false)
        let kind: Statement.Kind? = reader.word("kind", "statement kind")
        let quote = reader.text("quote")
        let claims = reader.list("claims").compactMap { claim($0, context) }
        let answers: [EvidenceID] = context.references(reader, "answers", kind: "evidence")
        let withdraws: [ClaimID] = context.references(reader, "withdraws", kind: "claim")
        let sources = context.citedSources(reader)
        guard context.registry.define("statement", id.rawValue, at: reader.location("id"), log: context.log),
              let date, let kind, let quote else { return nil }
        return Statement(
            id: id, company: company, date: date, speaker: speaker, kind: kind,
            quote: quote, claims: claims, answers: answers, withdraws: withdraws, sources: sources)
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
