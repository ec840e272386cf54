import Foundation
import Testing
import TransparencyLoader

@Suite struct DatasetLoaderTests {
    /// The diagnostics of loading `fixture`, as printed, with the fixture's root shortened to `D`.
    func diagnostics(_ fixture: DatasetFixture) -> [String] {
        do {
            _ = try DatasetLoader.load(directory: fixture.root)
            return []
        } catch {
            return error.diagnostics.map { $0.description.replacingOccurrences(of: fixture.root, with: "D") }
        }
    }

    /// A file is read whole, whatever its size; one that says it is empty and isn't (as files
    /// under /proc do, like a file that grew while read) is read to its end.
    @Test func filesAreReadWhole() throws {
        let folder = try TestPaths.temporaryFolder()
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 4095, 4096, 65_537, 300_001] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let path = folder + "/file-\(size)"
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            #expect(DiskFiles().bytes(of: path) == bytes)
        }
        #if os(Linux)
        let maps = try #require(DiskFiles().bytes(of: "/proc/self/maps"))
        #expect(String(decoding: maps, as: UTF8.self).hasSuffix("\n") && maps.count > 100)
        #endif
        #expect(DiskFiles().bytes(of: folder + "/absent") == nil)
    }

    @Test func bundledDatasetLoadsWithoutProblems() throws {
        let (dataset, warnings) = try DatasetLoader.load(directory: TestPaths.data)
        #expect(warnings.isEmpty)
        #expect(dataset.companies.map(\.id.rawValue) == ["aol", "apple", "facebook", "google", "linkedin", "microsoft", "paltalk", "tiktok", "twitter", "yahoo"])
        let skype = try #require(dataset.company("microsoft")?.services.first { $0.id == "skype" })
        #expect(skype.owner(on: DataDate(year: 2011, month: 2, day: 6)!)?.ownerCompany == nil)
        #expect(skype.owner(on: DataDate(year: 2011, month: 10, day: 13)!)?.ownerCompany == "microsoft")
        let subpoenas = dataset.figures.first {
            $0.company == "google" && $0.process == .subpoena && $0.measure == .requests && $0.jurisdiction.code == "US"
                && $0.period == .halfYear(year: 2013, half: 1)
        }
        #expect(subpoenas?.value == .count(.exact(7458)))
        #expect(subpoenas?.period == .halfYear(year: 2013, half: 1))
    }

    @Test func validFixtureLoads() throws {
        let fixture = try DatasetFixture()
        let (dataset, _) = try DatasetLoader.load(directory: fixture.root)
        #expect(dataset.statements.count == 1)
        #expect(dataset.figures.map(\.value) == [.count(.range(minimum: 0, maximum: 499)), .count(.exact(1234))])
    }

    @Test func yamlSyntaxErrorHasItsLocation() throws {
        let fixture = try DatasetFixture(["claims.yaml": "- id: a\n  label: [unclosed\n- id: b"])
        let lines = diagnostics(fixture)
        #expect(lines.count == 1)
        #expect(lines.first == "D/claims.yaml:3:5: error: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence at line 2)")
    }

    @Test func unknownAndDuplicateIDs() throws {
        let fixture = try DatasetFixture([
            "sources.yaml": DatasetFixture.sources + "\n" + DatasetFixture.sources,
            "statements/acme.yaml": DatasetFixture.statements.replacingOccurrences(
                of: "sources: [example-source]", with: "sources: [example-sourse]"),
        ])
        #expect(diagnostics(fixture) == [
            "D/sources.yaml:6:7: error: duplicate source id 'example-source', first defined at D/sources.yaml:1:7",
            "D/statements/acme.yaml:8:15: error: unknown source 'example-sourse'; did you mean 'example-source'?",
        ])
    }

    @Test func malformedDatesAndSlugs() throws {
        let fixture = try DatasetFixture([
            "companies/acme.yaml": "id: acme\nname: Acme\nservices:\n  - id: Acme_Mail\n    name: Acme Mail",
            "statements/acme.yaml": DatasetFixture.statements.replacingOccurrences(of: "date: 2013-06-07", with: "date: 2013-02-30"),
        ])
        #expect(diagnostics(fixture) == [
            "D/companies/acme.yaml:4:9: error: 'Acme_Mail' is not a valid id: use only a-z, 0-9 and -",
            "D/statements/acme.yaml:4:11: error: malformed date '2013-02-30': expected YYYY-MM-DD (or YYYY-MM, YYYY) of a real day",
        ])
    }

    /// A company can't take the name of one of the site's own folders.
    @Test func reservedCompanyIDs() throws {
        let fixture = try DatasetFixture([
            "companies/compare.yaml": "id: compare\nname: Compare",
            "companies/data.yaml": "id: data\nname: Data",
        ])
        #expect(diagnostics(fixture) == [
            "D/companies/compare.yaml:1:5: error: company id 'compare' is reserved: the site's folder site/compare/ holds its own pages; choose another id",
            "D/companies/data.yaml:1:5: error: company id 'data' is reserved: the site's folder site/data/ holds its own pages; choose another id",
        ])
    }

    @Test func malformedCountsAndMissingSources() throws {
        let fixture = try DatasetFixture([
            "requests/acme.csv": """
                period,jurisdiction,process,measure,value,sources
                2013-H1,US,all,requests,"12,5x",example-source
                2013-H1,US,all,accounts,500-499,example-source
                2013-H1,US,all,rejected,7,
                2013-H3,XX,warrant,requests,7,example-source
                """,
        ])
        #expect(diagnostics(fixture) == [
            "D/requests/acme.csv:2:25: error: malformed count '12,5x': expected a number (7458 or 7,458), a range (0-499), <N, or - for not reported",
            "D/requests/acme.csv:3:25: error: malformed count '500-499': the range's minimum exceeds its maximum",
            "D/requests/acme.csv:4:27: error: the figure has no source: name at least one source id",
            "D/requests/acme.csv:5:1: error: malformed period '2013-H3': expected 2013-H1, 2013 or 2012-12-01..2013-05-31",
            "D/requests/acme.csv:5:9: error: unknown jurisdiction 'XX': expected an ISO 3166-1 alpha-2 code such as US, or WORLD",
            "D/requests/acme.csv:5:12: error: unknown legal process 'warrant'",
        ])
    }

    @Test func statementWithoutSourceAndClaimOutsideVocabulary() throws {
        let fixture = try DatasetFixture([
            "statements/acme.yaml": """
                company: acme
                statements:
                  - id: acme-2013-06-07
                    date: 2013-06-07
                    kind: press-release
                    quote: We do not provide direct access.
                    claims: [denies-direct-acess, {claim: denies-direct-access, services: [acme-post]}]
                """,
        ])
        #expect(diagnostics(fixture) == [
            "D/statements/acme.yaml:3:5: error: a statement has no source: add 'sources:' with at least one source id",
            "D/statements/acme.yaml:5:11: error: unknown statement kind 'press-release'; use one of press-statement, blog-post, policy-text, testimony, advertising, social-media",
            "D/statements/acme.yaml:7:14: error: unknown claim 'denies-direct-acess'; did you mean 'denies-direct-access'?",
            "D/statements/acme.yaml:7:76: error: unknown service 'acme-post'",
        ])
    }

    @Test func unknownFieldsAndUnsafeLinks() throws {
        let fixture = try DatasetFixture([
            "sources.yaml": DatasetFixture.sources.replacingOccurrences(of: "https://example.org/report", with: "JavaScript:alert(1)")
                + "\n  titel: typo",
        ])
        #expect(diagnostics(fixture) == [
            "D/sources.yaml:4:8: error: the link 'JavaScript:alert(1)' uses the scheme 'JavaScript:'; only http, https, mailto and relative links are allowed",
            "D/sources.yaml:6:3: error: unknown field 'titel' in a source; did you mean 'title'?",
        ])
    }

    @Test func everyProblemOfTheRunIsReportedTogether() throws {
        let fixture = try DatasetFixture([
            "claims.yaml": "- id: ok\n  label: [",
            "companies/acme.yaml": "id: acme\nname: Acme\nhomepage: file:///etc/passwd",
            "requests/acme.csv": "period,jurisdiction,process,measure,value,sources\n2013-H1,US,all,requests,x,example-source",
        ])
        let lines = diagnostics(fixture)
        // The statement's claim can't be checked while claims.yaml is broken, so it isn't reported.
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.contains(": error: ") })
        #expect(Set(lines.map { $0.split(separator: ":").first ?? "" }) == [
            "D/claims.yaml", "D/companies/acme.yaml", "D/requests/acme.csv",
        ])
    }
}
