import Foundation
import Testing

/// The bundled dataset's story, as the pages and the command line tell it: stances with their
/// reasons, the company's answer beside the report it answers, claims with their dates, and no
/// claim "dropped" that no statement withdrew.
@Suite struct BundledStoryTests {
    static func page(_ name: String) throws -> String {
        try String(contentsOfFile: TestPaths.reports + "/" + name, encoding: .utf8)
    }

    @Test func microsoftsPageShowsTheStancesTheirReasonsAndItsAnswer() throws {
        let page = try Self.page("microsoft.md")
        let guardian = try #require(page.components(separatedBy: "### 11 July 2013: Microsoft handed the NSA access to encrypted messages").dropFirst().first)
            .components(separatedBy: "\n## ").first ?? ""
        #expect(guardian.contains("- It disputes (contested; not settled) the claim “Denies giving any government direct access to its servers or data”: The documents describe pre-encryption access"))
        #expect(guardian.contains("- It is in tension with (consistent only with a narrow reading of) the claim “Denies giving any government blanket or bulk access”: The documents describe targeted collection"))
        #expect(guardian.contains("- Microsoft answered on 11 July 2013: “To be clear, Microsoft does not provide any government with blanket or direct access"))
        let slides = try #require(page.components(separatedBy: "### 6 June 2013: The leaked PRISM slides").dropFirst().first)
        #expect(slides.hasPrefix("\n\nProgram: PRISM."))
        #expect(slides.contains("- It disputes (contested; not settled) the claim “Denies giving any government direct access to its servers or data”: The Post reported"))
        // No stance stronger than its sources: nothing in the bundled data contradicts.
        #expect(!page.contains("It contradicts"))
    }

    @Test func noClaimIsDroppedAnywhereInTheReports() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: TestPaths.reports)
            .filter { $0.hasSuffix(".md") || $0.hasSuffix(".html") || $0.hasSuffix(".xml") }
        #expect(files.count > 20)
        for file in files {
            let text = try Self.page(file)
            #expect(!text.localizedCaseInsensitiveContains("dropped"), "\(file)")
        }
    }

    @Test func theClaimsCommandListsEveryClaimOfTheSpanWithItsDates() throws {
        let result = try CommandRunner.run(["claims", "--data", TestPaths.data, "--company", "microsoft", "--from", "2013-06-01", "--to", "2013-12-31"])
        #expect(result.status == 0)
        #expect(result.standardOutput == """
            microsoft: 6 claims in its statements from 2013-06-01 to 2013-12-31
            - complies-only-with-specific-requests: Says it only answers legal demands about specific accounts or identifiers
              first 2013-06-06, last 2013-07-16, in 3 statements; stated in the latest statement
            - denies-voluntary-disclosure: Says it gives customer data only under legal process, never voluntarily
              first 2013-06-06, last 2013-06-06, in 1 statement; not repeated in later statements (not withdrawn)
            - publishes-transparency-report: Publishes figures on government requests
              first 2013-06-14, last 2013-06-14, in 1 statement; not repeated in later statements (not withdrawn)
            - denies-blanket-access: Denies giving any government blanket or bulk access
              first 2013-07-11, last 2013-07-11, in 2 statements; not repeated in later statements (not withdrawn)
            - denies-direct-access: Denies giving any government direct access to its servers or data
              first 2013-07-11, last 2013-07-16, in 2 statements; stated in the latest statement
            - denies-unfettered-access: Denies giving any government direct and unfettered access to customer data
              first 2013-07-16, last 2013-07-16, in 1 statement; stated in the latest statement

            """)
    }

    /// Microsoft's timeline runs from PRISM's first collection (2007) to the end of its
    /// secrecy-order suit (2017), and the reports cover the companies of the 2013 story.
    @Test func theTimelineAndTheCompaniesCoverTheStory() throws {
        let page = try Self.page("microsoft.md")
        let timeline = try #require(page.components(separatedBy: "## Timeline").dropFirst().first)
        let years = timeline.matches(of: /\*\*(?:\d+ )?(?:[A-Z][a-z]+ )?(\d{4})\*\*/).compactMap { Int($0.output.1) }
        #expect(years.first == 2007 && years.last == 2017)
        let reports = try FileManager.default.contentsOfDirectory(atPath: TestPaths.reports).filter { $0.hasSuffix(".md") }
        #expect(reports.count >= 8)
    }

    /// A real document in three archived versions: the history page shows each change, such as
    /// the UK entity's new address nine days after the April 2025 version.
    @Test func tiktoksGuidelinesAreARealDocumentWithItsChanges() throws {
        let page = try Self.page("site/tiktok/documents/law-enforcement-guidelines/index.html")
        #expect(page.components(separatedBy: "<h2>Version of ").count == 4)
        #expect(page.contains("<del>6th Floor"))
        #expect(page.contains("<ins>4 Lindsey Street"))
    }

    /// A section of a dated policy in three versions, one of which changed nothing in it.
    @Test func linkedinsLegalDisclosuresShowWhatChangedAndWhatDidNot() throws {
        let page = try Self.page("site/linkedin/documents/privacy-policy-legal-disclosures/index.html")
        #expect(page.components(separatedBy: "<h2>Version of ").count == 4)
        #expect(page.contains("<ins>or the products or services of our Affiliates </ins>"))
        #expect(page.contains("No change in the text."))
    }
}
