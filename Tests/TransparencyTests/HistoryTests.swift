import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TransparencyRender
import TransparencySite
@testable import TransparencyAnalysis

@Suite struct HistoryTests {
    /// The timeline's excerpt reads a quote only until its 21st word: the same as splitting the
    /// whole quote at whitespace and keeping 20 words.
    @Test func excerptsAreTheFirstTwentyWords() {
        var generator = SeededGenerator(seed: 7)
        let pieces = ["word", "w", "é", " ", "  ", "\n", "\t", "\u{2003}", "a\u{301}", " \u{301}", "👩‍👩‍👧", "\r\n", "x", "\u{0B}", "\u{85}"]
        for round in 0..<600 {
            // Half of the quotes are ASCII, which takes the quick path.
            let kinds = round % 2 == 0 ? pieces : pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
            let count = Int.random(in: 0..<60, using: &generator)
            let quote = (0..<count).map { _ in kinds.randomElement(using: &generator) ?? "" }.joined()
            let words = quote.split(whereSeparator: \.isWhitespace)
            let expected = words.prefix(20).joined(separator: " ") + (words.count > 20 ? " …" : "")
            #expect(Timeline.excerpt(quote) == expected, "\(quote.debugDescription)")
        }
    }

    /// Microsoft's claims of June to December 2013: first and last stated, and how many times.
    /// A claim later statements don't repeat is "not repeated", never "dropped".
    @Test func eachClaimWithTheDatesItWasFirstAndLastMade() throws {
        let (dataset, _) = try DatasetLoader.load(directory: TestPaths.data)
        let records = ClaimRecord.records(
            of: "microsoft", in: dataset, from: try #require(DataDate(parsing: "2013-06-01")), to: try #require(DataDate(parsing: "2013-12-31")))
        #expect(records.map { "\($0.claim.id) \($0.first) \($0.last) \($0.statementCount): \($0.status)" } == [
            "complies-only-with-specific-requests 2013-06-06 2013-07-16 3: stated in the latest statement",
            "denies-voluntary-disclosure 2013-06-06 2013-06-06 1: not repeated in later statements (not withdrawn)",
            "publishes-transparency-report 2013-06-14 2013-06-14 1: not repeated in later statements (not withdrawn)",
            "denies-blanket-access 2013-07-11 2013-07-11 2: not repeated in later statements (not withdrawn)",
            "denies-direct-access 2013-07-11 2013-07-16 2: stated in the latest statement",
            "denies-unfettered-access 2013-07-16 2013-07-16 1: stated in the latest statement",
        ])
        // Only the statements of the span count.
        let july = ClaimRecord.records(of: "microsoft", in: dataset, from: try #require(DataDate(parsing: "2013-07")), to: nil)
        #expect(july.first.map { "\($0.claim.id) \($0.first) \($0.statementCount)" } == "denies-blanket-access 2013-07-11 2")
    }

    /// Only a statement that says it withdraws a claim ends it, and the page says when.
    @Test func aClaimEndsOnlyWhereAStatementWithdrawsIt() throws {
        let data = try DatasetFixture([
            "statements/acme.yaml": """
                company: acme
                statements:
                  - {id: acme-1, date: 2013-06-07, kind: press-statement, quote: We do not provide direct access., claims: [denies-direct-access], sources: [example-source]}
                  - {id: acme-2, date: 2014-01-10, kind: press-statement, quote: We publish figures., claims: [], sources: [example-source]}
                  - {id: acme-3, date: 2015-03-01, kind: press-statement, quote: We withdraw what we said in 2013., withdraws: [denies-direct-access], sources: [example-source]}
                """,
        ])
        let (dataset, _) = try DatasetLoader.load(directory: data.root)
        let before = ClaimRecord.records(of: "acme", in: dataset, to: try #require(DataDate(parsing: "2014")))
        #expect(before.map(\.status) == ["not repeated in later statements (not withdrawn)"])
        let all = ClaimRecord.records(of: "acme", in: dataset)
        #expect(all.map(\.status) == ["withdrawn on 1 March 2015"])
        let report = CompanyReport(company: try #require(dataset.company("acme")), dataset: dataset)
        #expect(report.timeline.events.filter { $0.kind == .claims }.map(\.title) == ["Withdrew the claim “Denies direct access”"])
    }

    /// A dataset whose company `acme` has a policy in three versions.
    static func documentFixture() throws -> DatasetFixture {
        try DatasetFixture([
            "documents/acme/policy/document.yaml": """
                title: Law enforcement policy
                versions:
                  - {date: 2013-06-14, sources: [example-source]}
                  - {date: 2013-07-11, sources: [example-source]}
                  - {date: 2013-07-16, sources: [example-source]}
                """,
            "documents/acme/policy/2013-06-14.md": "We answer legal demands about specific accounts.",
            "documents/acme/policy/2013-07-11.md": "We do not provide any government with blanket or direct access to our services.",
            "documents/acme/policy/2013-07-16.md": "We do not provide any government with direct access to our services.",
        ])
    }

    @Test func theVersionInForceOnADate() throws {
        let (dataset, _) = try DatasetLoader.load(directory: try Self.documentFixture().root)
        let document = try #require(dataset.documents.first { $0.company == "acme" && $0.id == "policy" })
        #expect(document.version(inForceOn: try #require(DataDate(parsing: "2013-07-15")))?.date.description == "2013-07-11")
        #expect(document.version(inForceOn: try #require(DataDate(parsing: "2013-06-13"))) == nil)
        #expect(document.version(inForceOn: try #require(DataDate(parsing: "2013-07")))?.date.description == "2013-07-16")
    }

    @Test func userMarkdownKeepsOnlyAllowedLinks() {
        let html = UserMarkdownBlock(text: "[a](ftp://x) [b](JavaScript:alert(1)) [c](https://example.org/) <script>x</script> [d](../page.html)").html()
        #expect(html == """
            <div class="version-text">
            <p>a b <a href="https://example.org/">c</a> <!-- raw HTML omitted -->x<!-- raw HTML omitted --> <a href="../page.html">d</a></p>
            </div>
            """)
    }

    /// A published document's own headings fit under the version's "Text" heading (an h3):
    /// its highest heading becomes an h4, none skips a level, empty ones go; a link whose text
    /// was raw HTML shows its destination.
    @Test func aDocumentsOutlineFitsUnderThePagesHeadings() {
        let html = UserMarkdownBlock(text: "Title\n=====\n\n###   \n\n#### Deep\n\n## Next\n\n[<img src=x>](https://example.org/a)").html()
        #expect(html == """
            <div class="version-text">
            <h4>Title</h4>
            <h5>Deep</h5>
            <h5>Next</h5>
            <p><a href="https://example.org/a"><!-- raw HTML omitted -->https://example.org/a</a></p>
            </div>
            """)
    }

    @Test func everyFeedIsWellFormedAtomWithTheRequiredElements() throws {
        let output = try TestPaths.temporaryFolder() + "/out"
        _ = try BuildPipeline.build(data: TestPaths.data, templates: nil, output: output)
        let feeds = folderContents(output).keys.filter { $0.hasSuffix("feed.xml") }.sorted()
        #expect(feeds == (["site/feed.xml"] + ["aol", "apple", "facebook", "google", "linkedin", "microsoft", "paltalk", "tiktok", "twitter", "yahoo"].map { "site/\($0)/feed.xml" }).sorted())
        for feed in feeds {
            let data = try Data(contentsOf: URL(fileURLWithPath: output + "/" + feed))
            let reader = AtomReader()
            let parser = XMLParser(data: data)
            parser.delegate = reader
            #expect(parser.parse(), "\(feed): \(String(describing: parser.parserError))")
            #expect(reader.root == "feed")
            for element in ["id", "title", "updated", "author"] {
                #expect(reader.feedElements.contains(element), "\(feed) has no \(element)")
            }
            #expect(!reader.entries.isEmpty)
            for entry in reader.entries {
                #expect(entry["id"] != nil && entry["title"] != nil && entry["content"] != nil, "\(feed)")
                #expect(entry["updated"]?.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/) != nil, "\(feed)")
            }
            #expect(Set(reader.entries.compactMap { $0["id"] }).count == reader.entries.count, "\(feed): entry ids repeat")
        }
    }

    @Test func documentHistoryPagesShowEveryVersionAndItsChanges() throws {
        let output = try TestPaths.temporaryFolder() + "/out"
        _ = try BuildPipeline.build(data: try Self.documentFixture().root, templates: nil, output: output)
        let page = try String(contentsOfFile: output + "/site/acme/documents/policy/index.html", encoding: .utf8)
        #expect(page.components(separatedBy: "<h2>Version of ").count == 4)
        #expect(page.contains("<del>blanket or </del>direct access to"))
        #expect(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\""))
    }

    @Test func diffCommandExitCodesAreThoseOfDiff() throws {
        let folder = try TestPaths.temporaryFolder()
        try "we do not provide direct access\n".write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
        try "it never gave direct access\n".write(toFile: folder + "/b.txt", atomically: true, encoding: .utf8)
        let different = try CommandRunner.run(["diff", "a.txt", "b.txt"], in: folder)
        #expect(different.status == 1)
        #expect(different.standardOutput == "[-we do not provide-]{+it never gave+} direct access\n")
        #expect(try CommandRunner.run(["diff", "a.txt", "a.txt"], in: folder).status == 0)
        #expect(try CommandRunner.run(["diff", "a.txt", "missing.txt"], in: folder).status == 2)
        #expect(try CommandRunner.run(["diff", "a.txt"], in: folder).status == 2)
        let json = try CommandRunner.run(["diff", "--format", "json", "a.txt", "b.txt"], in: folder)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        #expect(parsed?["identical"] as? Bool == false)
        let data = try Self.documentFixture().root
        let versions = try CommandRunner.run(["diff", "--data", data, "--company", "acme", "--document", "policy", "--from", "2013-07-11", "--format", "html"], in: folder)
        #expect(versions.status == 1)
        #expect(versions.standardOutput.hasPrefix("<div class=\"diff\">"))
        let unknown = try CommandRunner.run(["diff", "--data", data, "--company", "acme", "--document", "nope"], in: folder)
        #expect(unknown.status == 2)
    }
}

/// Collects what the feed tests check.
final class AtomReader: NSObject, XMLParserDelegate {
    var root: String?
    var feedElements: Set<String> = []
    var entries: [[String: String]] = []
    private var path: [String] = []
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if root == nil { root = name }
        if path == ["feed"] { feedElements.insert(name) }
        if name == "entry" { entries.append([:]) }
        path.append(name)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if path.count == 3, path[1] == "entry" { entries[entries.count - 1][name] = text }
        path.removeLast()
    }
}
