import Foundation
import Testing
@testable import TransparencySite
import Templating

/// An incremental build writes exactly what a full build writes, after any sequence of edits,
/// and makes again only the companies whose files changed.
@Suite struct IncrementalBuildTests {
    /// A small dataset of five companies, each with statements, figures and a document.
    static func writeDataset(_ root: String) throws {
        var files: [String: String] = [
            "sources.yaml": (0..<5).map { "- id: s\($0)\n  title: Report \($0)\n  publisher: Publisher \($0)\n  url: https://example.org/\($0)\n  date: 2013-0\($0 + 1)-01\n" }.joined(),
            "claims.yaml": "- id: no-access\n  label: No direct access\n- id: no-program\n  label: Never heard of the program\n",
        ]
        for index in 0..<5 {
            let id = "c\(index)"
            files["companies/\(id).yaml"] = "id: \(id)\nname: Company \(index)\n"
            files["statements/\(id).yaml"] = "company: \(id)\nstatements:\n" + (0..<3).map { number in
                "  - id: \(id)-s\(number)\n    date: 2013-0\(number + 6)-1\(number)\n    kind: press-statement\n    quote: Statement \(number) of company \(index).\n    claims: [\(number % 2 == 0 ? "no-access" : "no-program")]\n    sources: [s\(index)]\n"
            }.joined()
            files["requests/\(id).csv"] = "period,jurisdiction,process,measure,value,sources\n" + (0..<4).flatMap { half in
                ["US", "DE", "WORLD"].map { "\(2012 + half / 2)-H\(half % 2 + 1),\($0),all,requests,\(100 * index + 10 * half + $0.count),s\(index)\n" }
            }.joined()
            files["documents/\(id)/policy/document.yaml"] = "title: Policy\nversions:\n  - {date: 2013-01-01, sources: [s\(index)]}\n  - {date: 2013-06-01, sources: [s\(index)]}\n"
            files["documents/\(id)/policy/2013-01-01.md"] = "We protect your data.\n"
            files["documents/\(id)/policy/2013-06-01.md"] = "We protect your data and tell you about requests.\n"
        }
        for (path, text) in files { try write(text, to: root + "/" + path) }
    }

    /// Writes `text` and dates the file in the past, a different second each time, so that the
    /// build sees the change and doesn't take it for one made during the build.
    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        clock += 1
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_600_000_000 + Double(clock))], ofItemAtPath: path)
    }
    nonisolated(unsafe) static var clock = 0

    enum Edit: CaseIterable {
        case changeFigure, addPeriod, changeQuote, addVersion, renameCompany, changeSource, touch, removeFigures, addStatement
    }

    static func apply(_ edit: Edit, company: Int, root: String) throws {
        let id = "c\(company)"
        func change(_ relative: String, _ transform: (String) -> String) throws {
            let path = root + "/" + relative
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }  // Removed by an earlier edit.
            try write(transform(text), to: path)
        }
        switch edit {
        case .changeFigure: try change("requests/\(id).csv") { $0.replacingOccurrences(of: ",US,all,requests,", with: ",US,all,requests,9") }
        case .addPeriod: try change("requests/\(id).csv") { $0.hasPrefix("period") ? $0 + "2015-H1,US,all,requests,7,s\(company)\n" : $0 }
        case .changeQuote: try change("statements/\(id).yaml") { $0.replacingOccurrences(of: "Statement 1 of", with: "Statement one of") }
        case .addVersion:
            let day = 10 + clock % 18
            try change("documents/\(id)/policy/document.yaml") { $0 + "  - {date: 2014-02-\(day), sources: [s\(company)]}\n" }
            try write("We protect your data, version \(clock).\n", to: root + "/documents/\(id)/policy/2014-02-\(day).md")
        case .renameCompany: try change("companies/\(id).yaml") { $0.replacingOccurrences(of: "name: Company", with: "name: Renamed company") }
        case .changeSource: try change("sources.yaml") { $0.replacingOccurrences(of: "title: Report \(company)", with: "title: Report number \(company)") }
        case .touch: try change("companies/\(id).yaml") { $0 }
        case .removeFigures: try? FileManager.default.removeItem(atPath: root + "/requests/\(id).csv")
        case .addStatement:
            try change("statements/\(id).yaml") {
                $0 + "  - id: \(id)-extra-\(clock)\n    date: 2014-01-01\n    kind: press-statement\n    quote: More.\n    claims: [no-access]\n    sources: [s\(company)]\n"
            }
        }
    }

    @Test func incrementalBuildsWriteWhatFullBuildsWrite() throws {
        let folder = try TestPaths.temporaryFolder("incremental")
        let data = folder + "/data", output = folder + "/out", reference = folder + "/reference"
        try Self.writeDataset(data)
        let first = try BuildPipeline.build(data: data, templates: nil, output: output)
        #expect(first.companiesBuilt == 5)
        var state: UInt64 = 3
        var partial = 0
        for step in 0..<24 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let edit = Edit.allCases[Int(state >> 33) % Edit.allCases.count], company = Int(state >> 40) % 5
            try Self.apply(edit, company: company, root: data)
            let incremental = try BuildPipeline.build(data: data, templates: nil, output: output)
            _ = try BuildPipeline.build(data: data, templates: nil, output: reference, incremental: false)
            #expect(folderContents(output) == folderContents(reference), "step \(step): \(edit) of c\(company)")
            if incremental.companiesBuilt < 5 { partial += 1 }
            // A company's own edit makes that company only; a shared file's, every company.
            if edit != .changeSource {
                #expect(incremental.companiesBuilt <= 1, "step \(step): \(edit) of c\(company) made \(incremental.companiesBuilt) companies")
            }
        }
        #expect(partial > 10)
        // With nothing changed, nothing is made.
        #expect(try BuildPipeline.build(data: data, templates: nil, output: output).companiesBuilt == 0)
    }

    /// A build leaves nothing beside its output (its cache is inside it), and an incremental
    /// one links the files it keeps from the output it replaces.
    @Test func theOutputsParentHoldsOnlyTheOutput() throws {
        let folder = try TestPaths.temporaryFolder("incremental-parent")
        let data = folder + "/data", parent = folder + "/parent", output = parent + "/out", reference = folder + "/reference"
        try Self.writeDataset(data)
        _ = try BuildPipeline.build(data: data, templates: nil, output: output)
        let untouched = try inode(output + "/site/c3/index.html")
        for company in [1, 2, 1] {
            try Self.apply(.changeFigure, company: company, root: data)
            #expect(try BuildPipeline.build(data: data, templates: nil, output: output).companiesBuilt == 1)
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
            _ = try BuildPipeline.build(data: data, templates: nil, output: reference, incremental: false)
            #expect(folderContents(output) == folderContents(reference))
            #expect(try inode(output + "/site/c3/index.html") == untouched)
        }
        _ = try BuildPipeline.build(data: data, templates: nil, output: output, incremental: false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
    }

    /// A kind of page added to the plan (a page per company from a one-line template) is built,
    /// kept while its inputs stay the same, and made again when one changes.
    @Test func aPageKindAddedToThePlanIsBuiltKeptAndRebuilt() throws {
        let folder = try TestPaths.temporaryFolder("incremental-kind")
        let data = folder + "/data", output = folder + "/out"
        try Self.writeDataset(data)
        var library = TemplateLibrary(contentTypes: [("html", { $0.replacingOccurrences(of: "<", with: "&lt;") })])
        try library.register("<p>{{name}}</p>\n", named: "name-page")
        var plan = SitePlan.standard
        plan.companyKinds.append(CompanyFileKind(name: "name page", inputs: [.profile]) { [library] work in
            [OutputFile(path: "\(work.folder)/name.html", contents: library.render("name-page", ["name": .text(work.company.name)]) ?? "")]
        })
        _ = try BuildPipeline.build(data: data, templates: nil, output: output, plan: plan)
        let page = output + "/site/c2/name.html"
        #expect(try String(contentsOfFile: page, encoding: .utf8) == "<p>Company 2</p>\n")
        let first = try inode(page)
        try Self.apply(.changeFigure, company: 2, root: data)
        _ = try BuildPipeline.build(data: data, templates: nil, output: output, plan: plan)
        #expect(try inode(page) == first, "kept: its company's profile is unchanged")
        try Self.apply(.renameCompany, company: 2, root: data)
        _ = try BuildPipeline.build(data: data, templates: nil, output: output, plan: plan)
        #expect(try String(contentsOfFile: page, encoding: .utf8) == "<p>Renamed company 2</p>\n")
        #expect(try inode(page) != first)
    }

    /// The references of the files an incremental build doesn't read again are not checked
    /// again while the files it reads again define what they did; when one no longer does, they
    /// are, and the build fails as a full one does.
    @Test func aDefinitionGoneIsMissedByTheFilesNotReadAgain() throws {
        let folder = try TestPaths.temporaryFolder("incremental-definitions")
        let data = folder + "/data", output = folder + "/out"
        try Self.writeDataset(data)
        try Self.write("id: c1\nname: Company 1\nservices:\n  - id: c1-mail\n    name: Mail\n", to: data + "/companies/c1.yaml")
        try Self.write("""
            id: e1
            date: 2014-01-01
            title: A report on mail
            summary: Mail was read.
            companies: [c1]
            services: [c1-mail]
            sources: [s1]

            """, to: data + "/evidence/e1.yaml")
        _ = try BuildPipeline.build(data: data, templates: nil, output: output)
        // Another name for the service: defined the same, read again, nothing else to check.
        try Self.write("id: c1\nname: Company 1\nservices:\n  - id: c1-mail\n    name: Webmail\n", to: data + "/companies/c1.yaml")
        #expect(try BuildPipeline.build(data: data, templates: nil, output: output).companiesBuilt == 1)
        // The service gone: the evidence names an unknown service.
        try Self.write("id: c1\nname: Company 1\n", to: data + "/companies/c1.yaml")
        func problems(incremental: Bool) -> [String] {
            do {
                _ = try BuildPipeline.build(data: data, templates: nil, output: incremental ? output : folder + "/full", incremental: incremental)
                return []
            } catch {
                guard case .invalidInput(let invalid) = error else { return ["\(error)"] }
                return invalid.diagnostics.map(\.description)
            }
        }
        let full = problems(incremental: false)
        #expect(full.contains { $0.contains("unknown service 'c1-mail'") }, "\(full)")
        #expect(problems(incremental: true) == full)
    }

    /// When only a company's figures changed, its document history pages and feed (which don't
    /// show them) are not made again but taken from the earlier output; with a document changed
    /// too, or that output's copy missing, they are made.
    @Test func aChangeOfFiguresOnlyKeepsTheHistoryPagesAndFeed() throws {
        let folder = try TestPaths.temporaryFolder("incremental-figures")
        let data = folder + "/data", output = folder + "/out", reference = folder + "/reference"
        try Self.writeDataset(data)
        _ = try BuildPipeline.build(data: data, templates: nil, output: output)
        let history = "site/c1/documents/policy/index.html", feed = "site/c1/feed.xml"
        // Which pages of c1 a build rendered: those whose Markdown it wrote.
        func rendered(after edits: [Edit], removing removed: String? = nil) throws -> Set<String> {
            for edit in edits { try Self.apply(edit, company: 1, root: data) }
            if let removed { try FileManager.default.removeItem(atPath: output + "/" + removed) }
            let markdown = try TestPaths.temporaryFolder("incremental-figures-markdown")
            let built = try BuildPipeline.build(data: data, templates: nil, output: output, pageMarkdown: markdown)
            #expect(built.companiesBuilt == 1)
            _ = try BuildPipeline.build(data: data, templates: nil, output: reference, incremental: false)
            #expect(folderContents(output) == folderContents(reference), "\(edits)")
            return Set(folderContents(markdown).keys.filter { $0.hasPrefix("site/c1/") && !$0.hasSuffix("/") })
        }
        let figuresOnly = try rendered(after: [.addPeriod])
        #expect(figuresOnly == ["site/c1/index.html.md"])
        let feedBefore = try String(contentsOfFile: output + "/" + feed, encoding: .utf8)
        #expect(try rendered(after: [.changeFigure, .addVersion]) == ["site/c1/index.html.md", history + ".md"])
        #expect(try String(contentsOfFile: output + "/" + feed, encoding: .utf8) != feedBefore, "the feed shows the new version")
        // The earlier output's history page is gone: it is made again.
        #expect(try rendered(after: [.changeFigure], removing: history).contains(history + ".md"))
    }

    @Test func aDamagedCacheMeansAFullBuild() throws {
        let folder = try TestPaths.temporaryFolder("incremental-damaged")
        let data = folder + "/data", output = folder + "/out"
        try Self.writeDataset(data)
        _ = try BuildPipeline.build(data: data, templates: nil, output: output)
        let cache = output + "/" + BuildCache<SiteState>.fileName
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: cache)))
        bytes[bytes.count / 2] ^= 0xFF
        bytes.removeLast(7)
        try Data(bytes).write(to: URL(fileURLWithPath: cache))
        #expect(try BuildPipeline.build(data: data, templates: nil, output: output).companiesBuilt == 5)
    }


    func inode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.intValue ?? -1
    }

    @Test func aChangeToOneCompanyRewritesOnlyTheFilesThatDependOnIt() throws {
        let work = try TestPaths.temporaryFolder("incremental")
        try FileManager.default.copyItem(atPath: TestPaths.data, toPath: work + "/Data")
        let first = try BuildPipeline.build(data: work + "/Data", templates: nil, output: work + "/out")
        #expect(first.unchanged == 0)
        let apple = try inode(work + "/out/site/apple/index.html"), microsoft = try inode(work + "/out/site/microsoft/index.html")
        let statements = work + "/Data/statements/microsoft.yaml"
        let text = try String(contentsOfFile: statements, encoding: .utf8)
        try text.replacingOccurrences(of: "Full stop.", with: "Full stop!").write(toFile: statements, atomically: true, encoding: .utf8)
        let second = try BuildPipeline.build(data: work + "/Data", templates: nil, output: work + "/out")
        #expect(try inode(work + "/out/site/apple/index.html") == apple)
        #expect(try inode(work + "/out/site/microsoft/index.html") != microsoft)
        // Microsoft's report, page and feed, and the site feed, change; the rest stays.
        #expect(second.files - second.unchanged <= 8, "\(second.files - second.unchanged) files rewritten")
        #expect(second.unchanged >= second.files - 8)
        #expect(try String(contentsOfFile: work + "/out/microsoft.md", encoding: .utf8).contains("Full stop!"))
    }
}
