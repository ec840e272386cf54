import TransparencyModel

/// Reads `documents/<company>/<document>/`: `document.yaml` (title, versions with sources) and
/// one `<YYYY-MM-DD>.md` file per version.
enum DocumentsLoader {
    static let fields = ["title", "versions"]
    static let versionFields = ["date", "sources"]

    /// The documents of every company folder (or of the folders of `companies` only), read on
    /// all cores.
    static func load(_ context: LoadContext, companies: Set<CompanyID>? = nil) -> [Document] {
        let names = context.folders(in: "documents").filter { name in companies.map { $0.contains(CompanyID(name)) } ?? true }
        return context.readEach(names.map { context.path("documents/" + $0) }) { folder, context in
            companyFolder(String(folder.dropFirst(context.path("documents/").count)), context)
        }
    }

    private static func companyFolder(_ companyName: String, _ context: LoadContext) -> [Document] {
        let location = SourceLocation(path: context.path("documents/" + companyName))
        guard let company: CompanyID = FieldReader.slug(companyName, at: location, log: context.log) else { return [] }
        context.registry.refer(to: "company", company.rawValue, at: location)
        let documents = context.folders(in: "documents/" + companyName).compactMap { name in
            document("documents/\(companyName)/\(name)", name: name, company: company, context)
        }
        return documents
    }

    private static func document(_ folder: String, name: String, company: CompanyID, _ context: LoadContext) -> Document? {
        let path = context.path(folder + "/document.yaml")
        guard let id: DocumentID = FieldReader.slug(name, at: SourceLocation(path: context.path(folder)), log: context.log),
              let root = context.yaml(path),
              let reader = FieldReader(root, what: "a document", allowed: fields, log: context.log) else { return nil }
        context.registry.define("document", "\(company)/\(id)", at: root.location, log: context.log)
        let title = reader.text("title")
        let files = Set(context.files(in: folder, withExtension: "md"))
        var versions: [DocumentVersion] = []
        var listed: Set<String> = []
        for item in reader.list("versions") {
            guard let versionReader = FieldReader(item, what: "a document version", allowed: versionFields, log: context.log),
                  let date = versionReader.date("date") else { continue }
            let sources = context.citedSources(versionReader)
            let file = "\(date).md"
            guard !listed.contains(file) else {
                context.log.error(versionReader.location("date"), "the version of \(date) is listed twice")
                continue
            }
            listed.insert(file)
            guard files.contains(file) else {
                context.log.error(versionReader.location("date"), "no file \(file) beside document.yaml for this version")
                continue
            }
            guard let text = context.readText(context.path(folder + "/" + file)) else { continue }
            versions.append(DocumentVersion(date: date, text: text, sources: sources))
        }
        for file in files.subtracting(listed).sorted() {
            context.log.error(SourceLocation(path: context.path(folder + "/" + file)), "this version is not listed in document.yaml, so it has no source")
        }
        guard let title else { return nil }
        return Document(id: id, company: company, title: title, versions: versions)
    }
}
