import Testing
@testable import TransparencyImport
import TransparencyModel

/// Every way publishers label a period that `format: half-year` reads, and what it refuses.
@Suite struct PeriodTextTests {
    @Test(arguments: [
        ("2013 H1", "2013-H1"), ("2013-H2", "2013-H2"), ("H1 2013", "2013-H1"), ("h2 2013", "2013-H2"),
        ("1H 2013", "2013-H1"), ("2H 2013", "2013-H2"), ("2009 (2nd half)", "2009-H2"), ("2009 (1st half)", "2009-H1"),
        ("January - June 2017", "2017-H1"), ("July - December 2012", "2012-H2"), ("Jan–Jun 2017", "2017-H1"),
        ("Jul-Dec 2012", "2012-H2"), ("January - December 2016", "2016"), ("Jan - Mar 2017", "2017-01-01..2017-03-31"),
        ("  Sept. - Dec. 2015 ", "2015-09-01..2015-12-31"), ("February - February 2016", "2016-02-01..2016-02-29"),
    ])
    func readsEachForm(_ text: String, _ expected: String) {
        #expect(PeriodText.period(text)?.description == expected)
    }

    @Test(arguments: ["2013 H3", "H1", "2013", "June - January 2017", "Jan - Jun 17", "Ja - Jun 2017", "2013 (3rd half)", "13 H1", ""])
    func refusesWhatIsNoPeriod(_ text: String) {
        #expect(PeriodText.period(text) == nil)
    }
}
