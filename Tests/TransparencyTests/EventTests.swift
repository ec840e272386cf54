import Foundation
import Testing
@testable import TransparencyAnalysis
import TransparencySite

/// Letters, motions, lawsuits, settlements and reports: read from `events/`, on the company
/// page, in its timeline and in its feed, with their sources.
@Suite struct EventTests {
    static let letter = """
        id: acme-letter
        date: 2013-06-11
        kind: letter
        title: Acme asks to publish its figures
        summary: Acme wrote to the Attorney General.
        companies: [acme]
        sources: [example-source]
        """

    @Test func anEventIsOnThePageInTheTimelineAndInTheFeed() throws {
        let data = try DatasetFixture(["events/acme-letter.yaml": Self.letter])
        let (dataset, _) = try DatasetLoader.load(directory: data.root)
        #expect(dataset.events.map(\.id.rawValue) == ["acme-letter"])
        let report = CompanyReport(company: try #require(dataset.company("acme")), dataset: dataset)
        #expect(report.timeline.events.filter { $0.kind == .event }.map(\.title) == ["Acme asks to publish its figures (letter)"])
        let output = try TestPaths.temporaryFolder("events-site")
        _ = try BuildPipeline.build(data: data.root, templates: nil, output: output, incremental: false)
        let page = try String(contentsOfFile: output + "/acme.md", encoding: .utf8)
        #expect(page.contains("""
            ## Events

            Letters, court motions, lawsuits, settlements, rule changes and reports that concern Acme.

            ### 11 June 2013: Acme asks to publish its figures (letter)

            Acme wrote to the Attorney General.

            Sources: [\\[1\\]](#source-1)
            """))
        let feed = try String(contentsOfFile: output + "/site/acme/feed.xml", encoding: .utf8)
        #expect(feed.contains("<title>Acme: Acme asks to publish its figures (letter)</title>"))
    }

    @Test func anEventOutsideTheVocabularyOrWithoutCompaniesIsRefused() throws {
        let data = try DatasetFixture([
            "events/acme-letter.yaml": Self.letter.replacingOccurrences(of: "kind: letter", with: "kind: leter")
                .replacingOccurrences(of: "companies: [acme]", with: "companies: [acme, nobody]"),
        ])
        let error = #expect(throws: DatasetError.self) { try DatasetLoader.load(directory: data.root) }
        #expect(error?.diagnostics.map { $0.description.replacingOccurrences(of: data.root, with: "D") } == [
            "D/events/acme-letter.yaml:3:7: error: unknown event kind 'leter'; did you mean 'letter'?; use one of letter, court-motion, court-record, lawsuit, settlement, rule-change, report, coalition",
            "D/events/acme-letter.yaml:6:19: error: unknown company 'nobody'",
        ])
    }
}
