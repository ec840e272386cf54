import TransparencyLoader

/// How the build cache writes and reads a company, kept with its file's record so that a build
/// need not read an unchanged company file again.
extension BinaryWriter {
    mutating func company(_ value: Company) {
        string(value.id.rawValue); string(value.name)
        array(value.aliases) { $0.string($1) }
        optional(value.homepage) { $0.string($1) }
        optional(value.summary) { $0.string($1) }
        array(value.services) { writer, service in
            writer.string(service.id.rawValue); writer.string(service.name)
            writer.array(service.aliases) { $0.string($1) }
            writer.array(service.ownership) { writer, ownership in
                writer.string(ownership.owner)
                writer.optional(ownership.ownerCompany) { $0.string($1.rawValue) }
                writer.optional(ownership.from) { $0.date($1) }
                writer.optional(ownership.until) { $0.date($1) }
                writer.array(ownership.sources) { $0.string($1.rawValue) }
            }
        }
    }
}

extension BinaryReader {
    mutating func company() throws(Damaged) -> Company {
        let id = CompanyID(try string()), name = try string()
        let aliases = try array { reader throws(Damaged) in try reader.string() }
        let homepage = try optional { reader throws(Damaged) in try reader.string() }
        let summary = try optional { reader throws(Damaged) in try reader.string() }
        let services = try array { reader throws(Damaged) -> Service in
            let id = ServiceID(try reader.string()), name = try reader.string()
            let aliases = try reader.array { reader throws(Damaged) in try reader.string() }
            let ownership = try reader.array { reader throws(Damaged) -> Ownership in
                Ownership(
                    owner: try reader.string(),
                    ownerCompany: try reader.optional { reader throws(Damaged) in CompanyID(try reader.string()) },
                    from: try reader.optional { reader throws(Damaged) in try reader.date() },
                    until: try reader.optional { reader throws(Damaged) in try reader.date() },
                    sources: try reader.array { reader throws(Damaged) in SourceID(try reader.string()) })
            }
            return Service(id: id, name: name, aliases: aliases, ownership: ownership)
        }
        return Company(id: id, name: name, aliases: aliases, homepage: homepage, summary: summary, services: services)
    }
}
