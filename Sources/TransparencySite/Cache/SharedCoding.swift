import TransparencyLoader

/// How the build cache writes and reads what the shared files gave (sources, claims, evidence),
/// which an incremental build takes from it: a change to a shared file makes a full build.
extension BinaryWriter {
    mutating func shared(_ value: SharedRecord) {
        array(value.sources.values.sorted { $0.id < $1.id }) { writer, source in
            writer.string(source.id.rawValue); writer.string(source.title); writer.string(source.publisher)
            writer.string(source.url); writer.optional(source.date) { $0.date($1) }; writer.optional(source.archivedURL) { $0.string($1) }
        }
        array(value.claims.values.sorted { $0.id < $1.id }) { writer, claim in
            writer.string(claim.id.rawValue); writer.string(claim.label); writer.optional(claim.description) { $0.string($1) }
        }
        array(value.evidence) { writer, evidence in
            writer.string(evidence.id.rawValue); writer.date(evidence.date); writer.string(evidence.title)
            writer.string(evidence.summary); writer.optional(evidence.program) { $0.string($1) }
            writer.array(evidence.companies) { $0.string($1.rawValue) }
            writer.array(evidence.services) { $0.string($1.rawValue) }
            writer.array(evidence.bearings) { $0.string($1.claim.rawValue); $0.string($1.stance.rawValue) }
            writer.array(evidence.collectionStarts) { writer, start in
                writer.string(start.company.rawValue); writer.optional(start.service) { $0.string($1.rawValue) }; writer.date(start.date)
            }
            writer.array(evidence.sources) { $0.string($1.rawValue) }
        }
        fileRecord(value.record)
    }
}

extension BinaryReader {
    mutating func shared() throws(Damaged) -> SharedRecord {
        let sources = try array { reader throws(Damaged) -> Source in
            Source(
                id: SourceID(try reader.string()), title: try reader.string(), publisher: try reader.string(), url: try reader.string(),
                date: try reader.optional { reader throws(Damaged) in try reader.date() },
                archivedURL: try reader.optional { reader throws(Damaged) in try reader.string() })
        }
        let claims = try array { reader throws(Damaged) -> Claim in
            Claim(
                id: ClaimID(try reader.string()), label: try reader.string(),
                description: try reader.optional { reader throws(Damaged) in try reader.string() })
        }
        let evidence = try array { reader throws(Damaged) -> Evidence in
            let id = EvidenceID(try reader.string()), date = try reader.date(), title = try reader.string(), summary = try reader.string()
            let program = try reader.optional { reader throws(Damaged) in try reader.string() }
            let companies = try reader.array { reader throws(Damaged) in CompanyID(try reader.string()) }
            let services = try reader.array { reader throws(Damaged) in ServiceID(try reader.string()) }
            let bearings = try reader.array { reader throws(Damaged) -> Evidence.Bearing in
                let claim = ClaimID(try reader.string())
                guard let stance = Evidence.Stance(rawValue: try reader.string()) else { throw Damaged() }
                return Evidence.Bearing(claim: claim, stance: stance)
            }
            let starts = try reader.array { reader throws(Damaged) -> Evidence.CollectionStart in
                Evidence.CollectionStart(
                    company: CompanyID(try reader.string()),
                    service: try reader.optional { reader throws(Damaged) in ServiceID(try reader.string()) }, date: try reader.date())
            }
            return Evidence(
                id: id, date: date, title: title, summary: summary, program: program, companies: companies, services: services,
                bearings: bearings, collectionStarts: starts, sources: try reader.array { reader throws(Damaged) in SourceID(try reader.string()) })
        }
        return SharedRecord(
            sources: Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            claims: Dictionary(claims.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            evidence: evidence, record: try fileRecord())
    }
}
