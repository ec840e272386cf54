import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Markdown
import Testing
import TransparencySite

/// Hostile values through every field that reaches output, and the invariants every output keeps.
@Suite struct HostileInputTests {
    @Test func hostileValuesStayHarmlessInEveryOutput() throws {
        #expect(HostileValues.all.count >= 40)
        let data = try HostileDataset.write()
        let output = try TestPaths.temporaryFolder() + "/out"
        let summary = try BuildPipeline.build(data: data, templates: nil, output: output)
        #expect(summary.warnings.isEmpty)
        if let keep = ProcessInfo.processInfo.environment["TRANSPARENCY_HOSTILE_SITE"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: output + "/site", toPath: keep)
        }
        let files = folderContents(output)
        #expect(files.count > 10)
        for (path, bytes) in files {
            #expect(!path.contains(".."), "\(path)")
            let text = String(decoding: bytes, as: UTF8.self)
            let problems = OutputInvariants.problems(in: text, path: path)
            #expect(problems.isEmpty, "\(path): \(problems.prefix(5))")
        }
    }
}

@Suite struct RefusedInputTests {
    func diagnostics(_ files: [String: String]) throws -> [String] {
        let fixture = try DatasetFixture(files)
        do {
            _ = try DatasetLoader.load(directory: fixture.root)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: fixture.root, with: "D") }
        }
    }

    @Test(arguments: HostileValues.refusedLinks)
    func linksWithOtherSchemesAreRefused(_ link: String) throws {
        let lines = try diagnostics(["sources.yaml": DatasetFixture.sources.replacingOccurrences(
            of: "url: https://example.org/report", with: "url: \(HostileDataset.quoted(link))")])
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("D/sources.yaml:4:8: error: ") == true, "\(lines)")
        #expect(lines.first?.contains("link") == true)
    }

    @Test(arguments: ["../etc", "/etc/passwd", "a/b", "Acme", "a b", "", "..", "acme\u{0}"])
    func pathsAndOddCharactersAreRefusedAsIDs(_ id: String) throws {
        let lines = try diagnostics(["statements/acme.yaml": DatasetFixture.statements.replacingOccurrences(
            of: "id: acme-2013-06-07", with: "id: \(HostileDataset.quoted(id))")])
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.contains("error:") == true)
    }

    @Test func aFileNameThatIsNotASlugIsRefused() throws {
        let lines = try diagnostics(["requests/Bad Name.csv": DatasetFixture.requests])
        #expect(lines == ["D/requests/Bad Name.csv:1:1: error: 'Bad Name' is not a valid id: use only a-z, 0-9 and -"])
    }

    @Test func aYAMLAliasBombIsRefusedQuickly() throws {
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let letters = Array("bcdefghij")
        for (index, letter) in letters.enumerated() {
            let previous = index == 0 ? "a" : String(letters[index - 1])
            bomb += "\(letter): &\(letter) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        bomb += "company: acme\nstatements: *j\n"
        let lines = try diagnostics(["statements/acme.yaml": bomb])
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("D/statements/acme.yaml:") })
    }

    @Test func yaml11ScalarsStayText() throws {
        let fixture = try DatasetFixture(["claims.yaml": "- id: denies-direct-access\n  label: NO\n  description: 1.10"])
        let (dataset, _) = try DatasetLoader.load(directory: fixture.root)
        #expect(dataset.claims["denies-direct-access"]?.label == "NO")
        #expect(dataset.claims["denies-direct-access"]?.description == "1.10")
    }

    @Test func aFiftyMegabyteQuoteIsRenderedAsText() throws {
        let quote = String(repeating: "<b>big</b> *value* ", count: 50_000_000 / 19)
        let fixture = try DatasetFixture(["statements/acme.yaml": DatasetFixture.statements.replacingOccurrences(
            of: "quote: We do not provide direct access.", with: "quote: \(HostileDataset.quoted(quote))")])
        let output = try TestPaths.temporaryFolder() + "/out"
        _ = try BuildPipeline.build(data: fixture.root, templates: nil, output: output)
        let html = try String(contentsOfFile: output + "/site/acme/index.html", encoding: .utf8)
        #expect(html.utf8.count > 50_000_000)
        #expect(!html.contains("<b>big</b>"))
        #expect(html.contains("&lt;b&gt;big&lt;/b&gt; *value* &lt;b&gt;"))
    }
}
