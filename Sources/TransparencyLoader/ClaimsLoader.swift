import TransparencyModel

/// Reads `claims.yaml`: the vocabulary of claims that statements make and evidence bears on.
enum ClaimsLoader {
    static let fields = ["id", "label", "description"]

    static func load(_ context: LoadContext) -> [ClaimID: Claim] {
        var claims: [ClaimID: Claim] = [:]
        for item in context.listFile("claims.yaml", of: "claim") {
            guard let reader = FieldReader(item, what: "a claim", allowed: fields, log: context.log),
                  let id: ClaimID = reader.slug("id") else { continue }
            let label = reader.text("label")
            let description = reader.text("description", required: false)
            guard context.registry.define("claim", id.rawValue, at: reader.location("id"), log: context.log),
                  let label else { continue }
            claims[id] = Claim(id: id, label: label, description: description)
        }
        return claims
    }
}
