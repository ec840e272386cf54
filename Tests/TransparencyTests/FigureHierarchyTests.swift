import Testing
@testable import TransparencyAnalysis
import TransparencyModel

/// Totals are made of disjoint parts only: a published total is used as published and never
/// added to its own parts; a jurisdiction with only per-process figures gets its total from
/// them; the publisher's worldwide figure beats a sum of countries; each sum says what it is.
@Suite struct FigureHierarchyTests {
    static let header = "period,jurisdiction,process,published_as,measure,value,regime,sources\n"

    /// Meta's shape (2023 H1, United States): a total, a legal-process and an emergency total
    /// under it, processes under the legal-process total, two categories of court order.
    static let meta = header + """
        2023-H1,US,all,,requests,73956,,example-source
        2023-H1,US,all,,accounts,125053,,example-source
        2023-H1,US,all,,percent-with-data,88%,,example-source
        2023-H1,US,legal-process,,requests,69761,,example-source
        2023-H1,US,emergency,,requests,4195,,example-source
        2023-H1,US,subpoena,,requests,13511,,example-source
        2023-H1,US,search-warrant,,requests,40000,,example-source
        2023-H1,US,court-order,Court Order (Other),requests,5000,,example-source
        2023-H1,US,court-order,Court Order (18 USC 2703(d)),requests,2000,,example-source
        2023-H1,US,preservation,,requests,30000,,example-source
        2023-H1,GB,all,,requests,8000,,example-source
        2023-H1,DE,all,,requests,3000,,example-source
        """

    @Test func aPublishedTotalIsNeverAddedToItsParts() throws {
        let figures = try FigurePages.figures(Self.meta)
        let hierarchy = RequestHierarchy(figures: figures, indices: figures.indices)
        let world = try #require(hierarchy.totals(.requests)[LegalProcess.all.declarationIndex])
        #expect(world.total.label == "84,956")
        #expect(world.derivation == .countries(3))
        #expect(world.coverage.label == "sum of 3 countries")
        let us = try #require(hierarchy.total(.all, .requests, in: Jurisdiction(code: "US")!))
        #expect(us.total.label == "73,956")
        #expect(us.derivation == .published)
        #expect(hierarchy.total(.legalProcess, .requests, in: Jurisdiction(code: "US")!)?.total.label == "69,761")
        let courtOrders = try #require(hierarchy.total(.courtOrder, .requests, in: Jurisdiction(code: "US")!))
        #expect(courtOrders.total.label == "7,000")
        #expect(courtOrders.derivation == .categories(2))
    }

    @Test func theReportShowsTheTotalAndItsPublishedShare() throws {
        let page = try FigurePages.companyPage(Self.meta)
        #expect(page.contains("| United States | 73,956 | 125,053 | 88% |"))
        #expect(page.contains("| 2023 H1 | sum of 3 countries | 84,956 | 69,761 (United States only) | 13,511 (United States only) | 40,000 (United States only) | 7,000 (United States only) | 4,195 (United States only) | 30,000 (United States only) |"))
        #expect(!page.contains("147,912") && !page.contains("188,"))
    }

    /// Google's shape (2013 H1): the United States only per process, other countries only totals.
    static let google = header + """
        2013-H1,US,subpoena,Subpoenas,requests,7458,,example-source
        2013-H1,US,search-warrant,Search Warrants,requests,2456,,example-source
        2013-H1,US,court-order,Other Court Orders,requests,671,,example-source
        2013-H1,US,pen-register,Pen Register Orders,requests,207,,example-source
        2013-H1,US,wiretap,Wiretap Orders,requests,7,,example-source
        2013-H1,US,emergency,Emergency Disclosure Requests,requests,119,,example-source
        2013-H1,US,nsl,,requests,6-499,separate-500,example-source
        2013-H1,DE,all,All,requests,2311,,example-source
        2013-H1,DE,all,All,percent-with-data,48%,,example-source
        2013-H1,IN,all,All,requests,2691,,example-source
        """

    @Test func aJurisdictionWithOnlyProcessesGetsItsTotalFromThem() throws {
        let figures = try FigurePages.figures(Self.google)
        let hierarchy = RequestHierarchy(figures: figures, indices: figures.indices)
        #expect(hierarchy.totals(.requests)[LegalProcess.all.declarationIndex]?.total.label == "15,920")
        let us = try #require(hierarchy.total(.all, .requests, in: Jurisdiction(code: "US")!))
        #expect(us.total.label == "10,918")
        #expect(us.derivation == .processes(6))
        let page = try FigurePages.companyPage(Self.google)
        #expect(page.contains("| United States | 10,918 (sum of 6 processes) | — | — |"))
        #expect(page.contains("| Germany | 2,311 | — | 48% |"))
    }

    @Test func theWorldFigureIsUsedAsPublished() throws {
        let figures = try FigurePages.figures(Self.header + """
            2013-H1,WORLD,all,,requests,37196,,example-source
            2013-H1,US,all,,requests,7014,,example-source
            2013-H1,TR,all,,requests,6226,,example-source
            """)
        let world = try #require(RequestHierarchy(figures: figures, indices: figures.indices).totals(.requests)[LegalProcess.all.declarationIndex])
        #expect(world.total.label == "37,196")
        #expect(world.coverage.scope == .worldwide)
        #expect(world.counted.count == 1)
    }

    /// Microsoft's shape: a US-only figure with national-security requests counted in, then a
    /// worldwide one without them.
    static let microsoft = header + """
        2012-H2,US,all,,requests,"6,000-7,000",combined-1000,example-source
        2013-H1,WORLD,all,,requests,37196,,example-source
        2013-H2,WORLD,all,,requests,35083,,example-source
        """

    @Test func figuresThatCoverOtherThingsAreNeverOneSeries() throws {
        let analysis = RequestAnalysis(figures: try FigurePages.figures(Self.microsoft))
        #expect(analysis.series.map(\.coverage.seriesLabel) == ["United States only, incl. national security", "worldwide, as published"])
        #expect(analysis.series.map { $0.totals.map(\.period.shortLabel) } == [["2012 H2"], ["2013 H1", "2013 H2"]])
        let page = try FigurePages.companyPage(Self.microsoft)
        #expect(page.contains("These figures do not all cover the same thing (United States only, incl. national security; worldwide, as published)"))
        #expect(page.contains("![Requests to Acme for user data, 2013 H1 (Jan–Jun) to 2013 H2 (Jul–Dec) (worldwide, as published)](site/acme/requests.svg)"))
        #expect(page.components(separatedBy: "![").count == 2, "one chart: the US-only period has nothing to be charted with")
        #expect(page.contains("| 2012 H2 | United States only, incl. national security | 6,000–7,000 |"))
        #expect(page.contains("| 2013 H1 | worldwide, as published | 37,196 |"))
    }

    @Test func aComparisonKeepsOneCountryFiguresInATableOfTheirOwn() throws {
        let page = try FigurePages.comparisonPage(
            .halfYear(year: 2013, half: 1), acme: Self.google,
            beta: "period,jurisdiction,process,measure,value,regime,sources\n2013-H1,US,all,requests,\"11,000-12,000\",combined-1000,example-source")
        let tables = page.components(separatedBy: "*Requests by company, ").dropFirst().map { $0.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Company") && !$0.hasPrefix("| ---") } }
        #expect(tables == [
            ["| Acme | sum of 3 countries | 15,920 | — | 6–499 | [\\[1\\]](#source-1) |"],
            ["| Beta | United States only, incl. national security | 11,000–12,000 | — | — | [\\[1\\]](#source-1) |"],
        ])
        #expect(page.contains("*Requests by company, 2013 H1 (Jan–Jun): United States only, incl. national security*"))
    }

    /// Apple's shape: accounts are given for legal-process requests, not for emergency ones.
    @Test func accountsWithoutAPartAreALowerBound() throws {
        let figures = try FigurePages.figures(Self.header + """
            2022-H2,US,legal-process,,requests,100,,example-source
            2022-H2,US,legal-process,,accounts,150,,example-source
            2022-H2,US,emergency,,requests,10,,example-source
            2022-H2,GB,legal-process,,requests,20,,example-source
            2022-H2,GB,legal-process,,accounts,30,,example-source
            """)
        let tally = try #require(RequestAnalysis(figures: figures).tallies.first)
        #expect(tally.requests?.total.label == "130")
        #expect(tally.accounts?.total.label == "at least 180 (1 not reported)")
        let page = try FigurePages.companyPage(Self.header + """
            2022-H2,US,legal-process,,requests,100,,example-source
            2022-H2,US,legal-process,,accounts,150,,example-source
            2022-H2,US,emergency,,requests,10,,example-source
            """)
        #expect(page.contains("| United States | 110 (sum of 2 processes) | at least 150 (1 not reported) |"))
        let complete = try FigurePages.figures(Self.header + """
            2022-H2,US,all,,requests,110,,example-source
            2022-H2,US,subpoena,,accounts,150,,example-source
            """)
        #expect(RequestAnalysis(figures: complete).tallies.first?.accounts?.total.label == "at least 150 (1 not reported)")
        let covered = try FigurePages.figures(Self.header + """
            2022-H2,US,subpoena,,requests,110,,example-source
            2022-H2,US,all,,accounts,150,,example-source
            """)
        #expect(RequestAnalysis(figures: covered).tallies.first?.accounts?.total.label == "150")
    }
}
