import Foundation
import Testing
@testable import TransparencyAnalysis
import TransparencySite

/// `transparency audit` finds each kind of inconsistency planted in a fixture, with the lines of
/// the figures it compares, and nothing on the bundled dataset.
@Suite struct AuditTests {
    /// One company's figures with one inconsistency of each kind (lines in the comments).
    static let planted = """
        period,jurisdiction,process,published_as,measure,value,regime,sources,edition
        2013-H1,US,all,,requests,100,,example-source,
        2013-H1,US,legal-process,,requests,90,,example-source,
        2013-H1,US,emergency,,requests,20,,example-source,
        2013-H1,GB,all,,requests,50,,example-source,
        2013-H1,GB,legal-process,,requests,30,,example-source,
        2013-H1,GB,emergency,,requests,10,,example-source,
        2013-H1,WORLD,all,,requests,120,,example-source,
        2013-H1,FR,all,,requests,10,,example-source,
        2013-H1,FR,all,,requests-with-data,5,,example-source,
        2013-H1,FR,all,,percent-with-data,80%,,example-source,
        2014-H2,JP,all,,requests,7,,example-source,
        2014-10-01..2015-03-31,JP,all,,requests,9,,example-source,
        2013-H1,FR,all,,accounts,20,,example-source,2013-09-01
        2013-H1,FR,all,,accounts,25,,example-source,2014-02-03
        2014-H2,JP,all,,accounts,0-499,,example-source,2014-09-01
        2014-H2,JP,all,,accounts,612,,example-source,2015-02-03
        """
    // Line 2: US total 100 < legal process 90 + emergency 20 (lines 3, 4).
    // Line 5: GB total 50 > 30 + 10, both parts there (lines 6, 7).
    // Line 8: WORLD 120 < US 100 + GB 50 + FR 10.
    // Line 11: 80% where 5 of 10 is 50%.
    // 2013 H2 and 2014 H1 missing; line 13 overlaps line 12.
    // Line 15 restates line 14; line 17 is outside the band of line 16.

    static func audit(_ requests: String, strict: Bool = false) throws -> CommandRunner.Result {
        let fixture = try DatasetFixture(["requests/acme.csv": requests])
        var result = try CommandRunner.run(["audit", "--data", fixture.root] + (strict ? ["--strict"] : []))
        result.standardError = result.standardError.replacingOccurrences(of: fixture.root, with: "D")
        result.standardOutput = result.standardOutput.replacingOccurrences(of: fixture.root, with: "D")
        return result
    }

    @Test func eachPlantedInconsistencyIsReportedAtItsLine() throws {
        let result = try Self.audit(Self.planted)
        #expect(result.status == 0)
        #expect(result.standardError.split(separator: "\n") == [
            "D/requests/acme.csv:2:1: warning: All requests in United States, 2013 H1 (Jan–Jun): its parts (Legal process (total), Emergency disclosure) add up to 110 requests, more than the published total of 100 (lines 3, 4); hint: check that no part is given under two processes and that the total is copied right",
            "D/requests/acme.csv:5:1: warning: All requests in United Kingdom, 2013 H1 (Jan–Jun): its parts (Legal process (total), Emergency disclosure) add up to 40 requests, less than the published total of 50 (lines 6, 7); hint: a part may be mistyped, or the total may hold requests no part names",
            "D/requests/acme.csv:8:1: warning: 2013 H1 (Jan–Jun): the countries' totals (sum of 3 countries) add up to 160 requests, more than the worldwide total of 120 (lines 2, 5, 9); hint: a country may be given twice, or the worldwide figure may cover less than its name says",
            "D/requests/acme.csv:11:1: warning: All requests in France, 2013 H1 (Jan–Jun): 80% with data published, but 5 of 10 requests is 50% (lines 9, 10); hint: check the percentage and the counts against the publisher's file",
            "D/requests/acme.csv:12:1: warning: no figures for 2013 H2, 2014 H1, between 2013 H1 and 2014 H2; hint: add the missing periods, or leave them out if the company published nothing for them",
            "D/requests/acme.csv:13:1: warning: All requests in Japan: requests given for 1 October 2014 – 31 March 2015 and for 2014 H2 (Jul–Dec), which overlap (line 12); hint: give one figure per period, or check which edition restates the other",
            "D/requests/acme.csv:15:1: warning: All requests in France, 2013 H1 (Jan–Jun): accounts 25 in the edition of 2014-02-03 (example-source), restated from 20 in the edition of 2013-09-01 (example-source); the report uses the latest edition; hint: nothing to fix if the publisher restated the figure; otherwise check both editions",
            "D/requests/acme.csv:17:1: warning: All requests in Japan, 2014 H2 (Jul–Dec): accounts 612 in the edition of 2015-02-03 (example-source), outside the band of 0–499 in the edition of 2014-09-01 (example-source); the report uses the latest edition; hint: one of the editions is likely mistyped: check both against the publisher's files",
        ])
        #expect(result.standardOutput == "D: 14 figures of 1 companies: 8 warnings.\n")
        #expect(try Self.audit(Self.planted, strict: true).status == 1)
    }

    @Test func eachKindIsFoundApart() throws {
        let figures = try FigurePages.figures(Self.planted)
        #expect(Set(FigureAudit.findings(figures).map(\.kind)) == Set(ConsistencyFinding.Kind.allCases))
    }

    @Test func validateAndTheReportShowTheSameFindings() throws {
        let fixture = try DatasetFixture(["requests/acme.csv": Self.planted])
        let validate = try CommandRunner.run(["validate", "--data", fixture.root])
        #expect(validate.status == 0)
        #expect(validate.standardError.split(separator: "\n").count == 8)
        #expect(validate.standardError.split(separator: "\n").allSatisfy { $0.contains(": warning: ") })
        let page = try FigurePages.companyPage(Self.planted)
        #expect(page.contains("""
            ### Consistency

            Where the published figures don't agree with each other. The report uses each figure as published and never adds a total to its own parts.

            - All requests in United Kingdom, 2013 H1 (Jan–Jun): its parts (Legal process (total), Emergency disclosure) add up to 40 requests, less than the published total of 50
            - All requests in United States, 2013 H1 (Jan–Jun): its parts (Legal process (total), Emergency disclosure) add up to 110 requests, more than the published total of 100
            - 2013 H1 (Jan–Jun): the countries' totals (sum of 3 countries) add up to 160 requests, more than the worldwide total of 120
            """))
    }

    @Test func consistentFiguresGiveNoWarning() throws {
        let result = try Self.audit("""
            period,jurisdiction,process,measure,value,sources
            2013-H1,US,all,requests,110,example-source
            2013-H1,US,all,requests-with-data,55,example-source
            2013-H1,US,all,percent-with-data,50%,example-source
            2013-H1,US,legal-process,requests,90,example-source
            2013-H1,US,emergency,requests,20,example-source
            2013-H1,US,subpoena,requests,40,example-source
            2013-H1,WORLD,all,requests,200,example-source
            2013-H2,US,all,requests,0-499,example-source
            2013-H2,US,legal-process,requests,300,example-source
            """, strict: true)
        #expect(result.standardError == "")
        #expect(result.status == 0)
    }

    @Test func theBundledDatasetIsConsistent() throws {
        let result = try CommandRunner.run(["audit", "--data", TestPaths.data, "--strict"])
        #expect(result.standardError == "")
        #expect(result.status == 0)
        #expect(result.standardOutput.hasSuffix("figures of 10 companies: no inconsistencies.\n"))
    }
}
