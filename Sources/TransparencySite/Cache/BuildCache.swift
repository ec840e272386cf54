import Foundation
import TransparencyAnalysis
import TransparencyLoader

/// What a build keeps, in its output folder, for the next one: the stamp of every input file,
/// what each company-owned file gave the loader, and for each company the files it wrote and its
/// summary; and the latest feed entries. A build whose inputs changed only in some companies'
/// files rebuilds those companies and takes the others' files and summaries from here.
///
/// The cache is published with the output it describes, in the same atomic swap, so the two
/// always agree. It is never trusted when damaged or made under other settings.
struct BuildCache: Sendable {
    static let fileName = ".transparency-cache"
    static let header = Array("transparency build cache 7\n".utf8)

    /// A number drawn for each build, which its cache carries: the spare's cache says which
    /// build the spare is the output of.
    var generation = UInt64.random(in: 1...UInt64.max)
    /// The tool, the templates, the data folder and the site title it was made with.
    var settings: String
    var inputs: InputList
    var records: LoadRecords
    var companies: [CompanyPart]
    /// The latest feed entries of all companies, each with its company: exactly the latest
    /// `feed.count` of them, or all of them when `feedComplete`.
    var feed: [(company: CompanyID, entry: AtomFeed.Entry)]
    var feedComplete: Bool
    /// The bytes of records and company parts as an earlier cache held them, by `key`: a part
    /// that a build takes unchanged from the earlier one is written back as it was read, not
    /// encoded again. Each part has its own string table, so its bytes stand alone.
    var kept: [String: ArraySlice<UInt8>] = [:]
    /// Whether a part read only when needed (a company's comparison lines) was damaged.
    var damage = CacheDamage()

    /// The key of a statement file's record, a document folder's record or a company's part in `kept`.
    static func key(statementFile path: String) -> String { "s " + path }
    static func key(documentFolder path: String) -> String { "d " + path }
    static func key(companyFile path: String) -> String { "f " + path }
    static let sharedKey = "shared"
    static func key(company: CompanyID) -> String { "c " + company.rawValue }

    /// Takes from `earlier` the bytes of the records in `reuse` and of the parts of `companies`,
    /// which this cache holds unchanged from it, to be written back as they were read.
    mutating func keep(from earlier: BuildCache, reuse: LoadRecords, companies: [CompanyID]) {
        let keys = reuse.statementFiles.keys.map(Self.key(statementFile:)) + reuse.documentFolders.keys.map(Self.key(documentFolder:))
            + reuse.companyFiles.keys.map(Self.key(companyFile:)) + (reuse.shared == nil ? [] : [Self.sharedKey])
            + companies.map(Self.key(company:))
        for key in keys { kept[key] = earlier.kept[key] }
    }

    /// The spare kept beside the output this cache describes (see `Publication`): the output of
    /// the build of `generation`, in which the files of every company but those of `rebuilt`
    /// are links of this output's.
    struct Spare: Sendable {
        var generation: UInt64
        var rebuilt: Set<CompanyID>
    }
    var spare: Spare?

    /// The generation of the cache in `folder`, read from the file's first bytes only.
    static func generation(inFolder folder: String) -> UInt64? {
        let file = open(folder + "/" + fileName, O_RDONLY)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var bytes = [UInt8](repeating: 0, count: header.count + 8)
        guard bytes.withUnsafeMutableBytes({ Glibc.read(file, $0.baseAddress, $0.count) }) == bytes.count else { return nil }
        return generation(in: bytes)
    }

    /// The generation in a cache file's first bytes: eight after the header, least significant
    /// first (where `encoded` puts it, to be read alone); nil when they aren't there.
    private static func generation(in bytes: [UInt8]) -> UInt64? {
        guard bytes.count >= header.count + 8, bytes.starts(with: header) else { return nil }
        return bytes[header.count..<header.count + 8].reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// One company's part.
    struct CompanyPart: Sendable {
        var summary: CompanySummary
        /// The output files it wrote, relative to the output folder.
        var outputs: [String]
        /// The problems (warnings) of its request file.
        var diagnostics: [Diagnostic]
    }

    /// How many feed entries are kept: twice what the site feed shows, so that a company's
    /// entries can leave the latest ones without a full build.
    static let feedCandidates = 2 * AtomFeed.entryLimit

    /// The cache in `output`, when there is one that can be read and was made with `settings`.
    static func read(output: String, settings: String) -> BuildCache? {
        // One read into one buffer, which the parts kept for the next cache share.
        guard let bytes = DiskFiles().bytes(of: output + "/" + fileName), let generation = generation(in: bytes) else { return nil }
        var reader = BinaryReader(bytes[(header.count + 8)...])
        do throws(BinaryReader.Damaged) {
            guard try reader.string() == settings else { return nil }
            var cache = try decode(&reader, settings: settings)
            cache.generation = generation
            return reader.isAtEnd ? cache : nil
        } catch {
            return nil
        }
    }

    private static func decode(_ reader: inout BinaryReader, settings: String) throws(BinaryReader.Damaged) -> BuildCache {
        let damage = CacheDamage()
        let names = Array(try reader.blob())
        let stamps = try reader.array { reader throws(BinaryReader.Damaged) -> FileStamp in
            FileStamp(inode: try reader.unsigned(), size: Int64(try reader.int()), modified: Int64(try reader.int()))
        }
        guard let inputs = InputList(names: names, stamps: stamps) else { throw BinaryReader.Damaged() }
        var kept: [String: ArraySlice<UInt8>] = [:]
        // A part: its own bytes, read with a reader of their own.
        func part<Value>(
            _ reader: inout BinaryReader, key: (Value) -> String, _ read: (inout BinaryReader) throws(BinaryReader.Damaged) -> Value
        ) throws(BinaryReader.Damaged) -> Value {
            let bytes = try reader.blob()
            var own = BinaryReader(bytes)
            let value = try read(&own)
            guard own.isAtEnd else { throw BinaryReader.Damaged() }
            kept[key(value)] = bytes
            return value
        }
        // Records by path, each a part kept under `key` of its path.
        func readRecords(_ reader: inout BinaryReader, key: (String) -> String) throws(BinaryReader.Damaged) -> [String: FileRecord] {
            let records = try reader.array { reader throws(BinaryReader.Damaged) -> (String, FileRecord) in
                let path = try reader.string()
                return (path, try part(&reader, key: { _ in key(path) }) { reader throws(BinaryReader.Damaged) in try reader.fileRecord() })
            }
            return Dictionary(records, uniquingKeysWith: { first, _ in first })
        }
        let statementFiles = try readRecords(&reader, key: key(statementFile:))
        let documentFolders = try readRecords(&reader, key: key(documentFolder:))
        let companyFiles = try readRecords(&reader, key: key(companyFile:))
        let shared = try reader.optional { reader throws(BinaryReader.Damaged) in
            try part(&reader, key: { _ in sharedKey }) { reader throws(BinaryReader.Damaged) in try reader.shared() }
        }
        let companies = try reader.array { reader throws(BinaryReader.Damaged) -> CompanyPart in
            try part(&reader, key: { key(company: $0.summary.company) }) { reader throws(BinaryReader.Damaged) in
                CompanyPart(
                    summary: try reader.summary(damage: damage),
                    outputs: try reader.array { reader throws(BinaryReader.Damaged) in try reader.string() },
                    diagnostics: try reader.array { reader throws(BinaryReader.Damaged) in try reader.diagnostic() })
            }
        }
        let feed = try reader.array { reader throws(BinaryReader.Damaged) -> (company: CompanyID, entry: AtomFeed.Entry) in
            (CompanyID(try reader.string()), try reader.entry())
        }
        let feedComplete = try reader.bool()
        let spare = try reader.optional { reader throws(BinaryReader.Damaged) in
            Spare(generation: try reader.unsigned(), rebuilt: Set(try reader.array { reader throws(BinaryReader.Damaged) in CompanyID(try reader.string()) }))
        }
        return BuildCache(
            settings: settings, inputs: inputs,
            records: LoadRecords(statementFiles: statementFiles, documentFolders: documentFolders, companyFiles: companyFiles, shared: shared),
            companies: companies, feed: feed, feedComplete: feedComplete, kept: kept, damage: damage, spare: spare)
    }

    /// The cache as the bytes of its file. Stamps of files changed after `started` minus two
    /// seconds are written as unknown, so that the next build reads those files again.
    func encoded(started: Int64) -> [UInt8] {
        var writer = BinaryWriter()
        // Room for the parts kept from the earlier cache and the inputs, with some to spare;
        // the generation first, in eight bytes (least significant first), to be read alone.
        writer.reserve(kept.values.reduce(Self.header.count + 8 + inputs.names.count + 24 * inputs.count + 65_536) { $0 + $1.count + 10 })
        writer.raw(Self.header + (0..<8).map { UInt8(truncatingIfNeeded: generation >> (8 * $0)) })
        writer.string(settings)
        let inputs = inputs.trusting(until: started - 2_000_000_000)
        writer.blob(inputs.names)
        writer.array(inputs.stamps) { writer, stamp in
            writer.unsigned(stamp.inode); writer.int(Int(stamp.size)); writer.int(Int(stamp.modified))
        }
        // A part: the bytes kept from the earlier cache, or encoded anew by a writer of its own.
        func part(_ writer: inout BinaryWriter, key: String, _ write: (inout BinaryWriter) -> Void) {
            if let bytes = kept[key] { return writer.blob(bytes) }
            var own = BinaryWriter()
            write(&own)
            writer.blob(own.bytes)
        }
        // Records by path, each a part kept under `key` of its path.
        func writeRecords(_ writer: inout BinaryWriter, _ records: [String: FileRecord], key: (String) -> String) {
            writer.array(Array(records)) { writer, item in
                writer.string(item.key)
                part(&writer, key: key(item.key)) { $0.fileRecord(item.value) }
            }
        }
        writeRecords(&writer, records.statementFiles, key: Self.key(statementFile:))
        writeRecords(&writer, records.documentFolders, key: Self.key(documentFolder:))
        writeRecords(&writer, records.companyFiles, key: Self.key(companyFile:))
        writer.optional(records.shared) { writer, shared in part(&writer, key: Self.sharedKey) { $0.shared(shared) } }
        writer.array(companies) { writer, company in
            part(&writer, key: Self.key(company: company.summary.company)) { writer in
                writer.summary(company.summary)
                writer.array(company.outputs) { $0.string($1) }
                writer.array(company.diagnostics) { $0.diagnostic($1) }
            }
        }
        writer.array(feed) { writer, item in writer.string(item.company.rawValue); writer.entry(item.entry) }
        writer.bool(feedComplete)
        writer.optional(spare) { writer, spare in
            writer.unsigned(spare.generation)
            writer.array(spare.rebuilt.map(\.rawValue).sorted()) { $0.string($1) }
        }
        return writer.bytes
    }
}
