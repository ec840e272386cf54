import Foundation
import TransparencyModel

/// Reads `companies/<id>.yaml`: a company, its services and their owners over time.
enum CompanyLoader {
    static let fields = ["id", "name", "aliases", "homepage", "summary", "services"]
    static let serviceFields = ["id", "name", "aliases", "owners"]
    static let ownerFields = ["owner", "company", "from", "until", "sources"]

    /// The companies of every file, read on all cores; diagnostics and ids join the run's in
    /// file order.
    static func load(_ context: LoadContext) -> [Company] {
        let paths = context.files(in: "companies", withExtension: "yaml").map { context.path("companies/" + $0) }
        return context.readEach(paths) { path, file in
            let name = (path as NSString).lastPathComponent
            return loadFile(path, expectedID: String(name.dropLast(5)), file).map { [$0] } ?? []
        }
    }

    private static func loadFile(_ path: String, expectedID: String, _ context: LoadContext) -> Company? {
        guard let root = context.yaml(path) else {
            context.registry.markIncomplete("company", "service")
            return nil
        }
        guard let reader = FieldReader(root, what: "a company", allowed: fields, log: context.log),
              let id: CompanyID = reader.slug("id") else { return nil }
        if id.rawValue != expectedID {
            context.log.error(reader.location("id"), "company id '\(id)' differs from its file name '\(expectedID).yaml'")
        }
        if Company.reservedIDs.contains(id.rawValue) {
            context.log.error(
                reader.location("id"),
                "company id '\(id)' is reserved: the site's folder site/\(id)/ holds its own pages; choose another id")
        }
        let name = reader.text("name")
        let aliases = reader.texts("aliases").map(\.text)
        let homepage = reader.link("homepage", required: false)
        let summary = reader.text("summary", required: false)
        let services = reader.list("services").compactMap { service($0, context) }
        guard context.registry.define("company", id.rawValue, at: reader.location("id"), log: context.log),
              let name else { return nil }
        return Company(id: id, name: name, aliases: aliases, homepage: homepage, summary: summary, services: services)
    }

    private static func service(_ value: YAMLValue, _ context: LoadContext) -> Service? {
        guard let reader = FieldReader(value, what: "a service", allowed: serviceFields, log: context.log),
              let id: ServiceID = reader.slug("id") else { return nil }
        let name = reader.text("name")
        let aliases = reader.texts("aliases").map(\.text)
        let owners = reader.list("owners").compactMap { ownership($0, context) }
        checkOrder(owners, reader, context)
        guard context.registry.define("service", id.rawValue, at: reader.location("id"), log: context.log),
              let name else { return nil }
        return Service(id: id, name: name, aliases: aliases, ownership: owners)
    }

    private static func ownership(_ value: YAMLValue, _ context: LoadContext) -> Ownership? {
        guard let reader = FieldReader(value, what: "an owner", allowed: ownerFields, log: context.log) else { return nil }
        let owner = reader.text("owner")
        let company: CompanyID? = context.reference(reader, "company", kind: "company", required: false)
        let from = reader.date("from", required: false)
        let until = reader.date("until", required: false)
        let sources = context.citedSources(reader)
        if let from, let until, until <= from {
            context.log.error(reader.location("until"), "'until' (\(until)) is not after 'from' (\(from))")
        }
        guard let owner else { return nil }
        return Ownership(owner: owner, ownerCompany: company, from: from, until: until, sources: sources)
    }

    /// Owners must follow each other in time without overlapping.
    private static func checkOrder(_ owners: [Ownership], _ reader: FieldReader, _ context: LoadContext) {
        for (earlier, later) in zip(owners, owners.dropFirst()) {
            guard let until = earlier.until, let from = later.from, from >= until else {
                context.log.error(
                    reader.location("owners"),
                    "owners must be listed in date order, each with 'until' no later than the next one's 'from'")
                return
            }
        }
    }
}
