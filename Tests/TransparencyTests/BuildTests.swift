import Foundation
import Testing
import TransparencySite

@Suite struct BuildTests {
    @Test func twoBuildsAreByteIdentical() throws {
        let first = try TestPaths.temporaryFolder() + "/out"
        let second = try TestPaths.temporaryFolder() + "/out"
        _ = try BuildPipeline.build(data: TestPaths.data, templates: nil, output: first)
        _ = try BuildPipeline.build(data: TestPaths.data, templates: nil, output: second)
        let a = folderContents(first), b = folderContents(second)
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    /// The committed Reports/ folder is the golden output of the bundled dataset.
    @Test func committedReportsMatchAFreshBuild() throws {
        let fresh = try TestPaths.temporaryFolder() + "/Reports"
        _ = try BuildPipeline.build(data: TestPaths.data, templates: nil, output: fresh)
        let expected = folderContents(TestPaths.reports), actual = folderContents(fresh)
        #expect(Set(actual.keys) == Set(expected.keys), "run scripts/build-reports and commit Reports/")
        for (path, bytes) in actual.sorted(by: { $0.key < $1.key }) {
            #expect(expected[path] == bytes, "Reports/\(path) is out of date: run scripts/build-reports and commit it")
        }
    }

    @Test func siteHasAPageForEveryCompany() throws {
        let output = try TestPaths.temporaryFolder() + "/out"
        let summary = try BuildPipeline.build(data: TestPaths.data, templates: nil, output: output)
        let files = folderContents(output)
        for company in ["apple", "facebook", "google", "microsoft", "yahoo"] {
            #expect(files["site/\(company)/index.html"] != nil)
            #expect(files["\(company).md"] != nil)
        }
        #expect(files["site/index.html"] != nil)
        #expect(files["site/style.css"] != nil)
        #expect(files["site/google/requests.svg"] != nil)
        #expect(files["site/compare/2013-H1/index.html"] != nil)
        #expect(files["site/data/requests.json"] != nil)
        #expect(files["site/google/requests.csv"] != nil)
        #expect(files["site/google/requests.json"] != nil)
        // 10 company pages, the front page, a comparison page per period two companies share, a
        // history page per document.
        let comparisons = files.keys.filter { $0.hasPrefix("site/compare/") && $0.hasSuffix(".html") }.count
        let histories = files.keys.filter { $0.contains("/documents/") && $0.hasSuffix(".html") }.count
        #expect(histories == 2)
        #expect(summary.pages == 11 + comparisons + histories)
        #expect(summary.reports == 10)
    }

    @Test func hostileQuoteIsLiteralInBothOutputs() throws {
        let quote = "<script>alert(1)</script> [click](javascript:alert(1)) *stars* # hash"
        let fixture = try DatasetFixture([
            "statements/acme.yaml": DatasetFixture.statements.replacingOccurrences(
                of: "quote: We do not provide direct access.", with: "quote: '# hash \(quote)'"),
        ])
        let output = try TestPaths.temporaryFolder() + "/out"
        _ = try BuildPipeline.build(data: fixture.root, templates: nil, output: output)
        let markdown = try String(contentsOfFile: output + "/acme.md", encoding: .utf8)
        let html = try String(contentsOfFile: output + "/site/acme/index.html", encoding: .utf8)
        #expect(markdown.contains(##"> \# hash \<script\>alert(1)\</script\> \[click\](javascript:alert(1)) \*stars\* # hash"##))
        #expect(html.contains("<p>&#x23; hash &lt;script&gt;alert(1)&lt;/script&gt; [click](javascript:alert(1)) *stars* # hash</p>")
            || html.contains("<p># hash &lt;script&gt;alert(1)&lt;/script&gt; [click](javascript:alert(1)) *stars* # hash</p>"))
        #expect(!html.contains("<script"))
        #expect(!html.lowercased().contains("href=\"javascript:"))
        #expect(!html.contains("<em>"))
        #expect(html.components(separatedBy: "<h1>").count == 2)
    }

    @Test func brokenDataLeavesThePreviousOutputUntouched() throws {
        let output = try TestPaths.temporaryFolder() + "/out"
        _ = try BuildPipeline.build(data: TestPaths.data, templates: nil, output: output)
        let before = folderContents(output)
        let fixture = try DatasetFixture(["requests/acme.csv": "period,jurisdiction,process,measure,value,sources\n2013-H1,US,all,requests,12;5x,example-source"])
        #expect(throws: BuildPipeline.Failure.self) {
            try BuildPipeline.build(data: fixture.root, templates: nil, output: output)
        }
        #expect(folderContents(output) == before)
        let parent = (output as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        let output = try TestPaths.temporaryFolder()
        try Data("mine".utf8).write(to: URL(fileURLWithPath: output + "/notes.txt"))
        #expect(throws: BuildPipeline.Failure.self) {
            try BuildPipeline.build(data: TestPaths.data, templates: nil, output: output)
        }
        #expect(folderContents(output).keys.sorted() == ["notes.txt"])
    }

    @Test func userTemplatesReplaceTheBuiltInOnes() throws {
        let templates = try copyOfBuiltInTemplates()
        try Data("{{% CONTENT_TYPE: MARKDOWN}}\n# Report on {{name}}\n".utf8)
            .write(to: URL(fileURLWithPath: templates + "/company.md.mustache"))
        let output = try TestPaths.temporaryFolder() + "/out"
        _ = try BuildPipeline.build(data: TestPaths.data, templates: templates, output: output)
        #expect(try String(contentsOfFile: output + "/apple.md", encoding: .utf8) == "# Report on Apple\n")
    }

    @Test func brokenTemplateIsReportedWithItsLocation() throws {
        let templates = try copyOfBuiltInTemplates()
        try Data("{{% CONTENT_TYPE: MARKDOWN}}\n# {{name}}\n{{#statements}}\n{{/evidence}}\n".utf8)
            .write(to: URL(fileURLWithPath: templates + "/company.md.mustache"))
        try FileManager.default.removeItem(atPath: templates + "/index.md.mustache")
        let failure = #expect(throws: BuildPipeline.Failure.self) {
            try BuildPipeline.load(data: TestPaths.data, templates: templates)
        }
        if case .invalidInput(let error)? = failure {
            #expect(error.diagnostics.map(\.description) == [
                "\(templates)/company.md.mustache:4:1: error: template syntax: this closing tag ({{/evidence}}) does not match the section that is open ({{#statements}})",
                "\(templates)/index.md.mustache:1:1: error: missing template",
            ])
        } else {
            Issue.record("expected invalid input, got \(String(describing: failure))")
        }
    }

    /// A temporary copy of Templates/ that a test may change.
    func copyOfBuiltInTemplates() throws -> String {
        let templates = try TestPaths.temporaryFolder("templates")
        for name in try FileManager.default.contentsOfDirectory(atPath: TestPaths.templates) {
            try FileManager.default.copyItem(atPath: TestPaths.templates + "/" + name, toPath: templates + "/" + name)
        }
        return templates
    }
}
