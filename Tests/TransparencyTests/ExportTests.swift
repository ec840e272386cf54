import Foundation
import Testing
@testable import TransparencySite

/// The exports, byte for byte: every kind of value, text made inert for spreadsheets, and the
/// lines that repeat formatted the same as the ones that don't.
@Suite struct ExportTests {
    static let company = Company(id: CompanyID("acme"), name: "Acme \"Mail\"")
    static let sources: [SourceID: Source] = [
        SourceID("r1"): Source(id: SourceID("r1"), title: "Report", publisher: "Acme", url: "https://example.org/r", date: DataDate(year: 2014, month: 2, day: 3)),
        SourceID("r2"): Source(id: SourceID("r2"), title: "Bands\u{202E}", publisher: "DOJ", url: "https://example.org/b"),
    ]
    static func figure(
        _ period: Period, _ code: String, _ process: LegalProcess, _ measure: Measure, _ value: FigureValue,
        words: String? = nil, regime: BandRegime? = nil, sources: [String] = ["r1"]
    ) -> RequestFigure {
        RequestFigure(
            company: company.id, period: period, jurisdiction: Jurisdiction(code: code) ?? .world, process: process,
            publishedAs: words, measure: measure, value: value, regime: regime, sources: sources.map { SourceID($0) })
    }
    static let figures = [
        figure(.halfYear(year: 2013, half: 1), "WORLD", .all, .requests, .count(.exact(7458))),
        figure(.halfYear(year: 2013, half: 1), "DE", .subpoena, .requests, .count(.notReported), words: "=SUM(A1)"),
        figure(.halfYear(year: 2013, half: 1), "DE", .all, .percentWithData, .percentage(84.5)),
        figure(.halfYear(year: 2013, half: 2), "US", .nationalSecurityLetter, .requests, .count(.range(minimum: 0, maximum: 499)),
               regime: .separate1000, sources: ["r1", "r2"]),
        figure(.halfYear(year: 2013, half: 2), "US", .all, .percentWithData, .percentage(nil)),
    ]

    static let files = RequestExports.raw(company: company, figures: figures, sources: sources)

    @Test func csvRows() {
        let csv = String(decoding: Self.files.csv.array, as: UTF8.self)
        #expect(csv == """
            company,period,period_start,period_end,jurisdiction,jurisdiction_name,process,published_as,subject,measure,value,minimum,maximum,percentage,regime,sources
            acme,2013-H1,2013-01-01,2013-06-30,WORLD,All jurisdictions,all,,accounts,requests,7458,7458,7458,,,r1
            acme,2013-H1,2013-01-01,2013-06-30,DE,Germany,subpoena,'=SUM(A1),accounts,requests,-,,,,,r1
            acme,2013-H1,2013-01-01,2013-06-30,DE,Germany,all,,accounts,percent-with-data,84.5%,,,84.5,,r1
            acme,2013-H2,2013-07-01,2013-12-31,US,United States,nsl,,accounts,requests,0-499,0,499,,separate-1000,r1;r2
            acme,2013-H2,2013-07-01,2013-12-31,US,United States,all,,accounts,percent-with-data,-,,,,,r1

            """)
    }

    @Test func jsonObjects() {
        let json = String(decoding: Self.files.json.array, as: UTF8.self)
        let figure = { (rest: String) in "{\"jurisdiction\":" + rest + "}" }
        let figures = [
            figure(#""WORLD","maximum":7458,"measure":"requests","minimum":7458,"percentage":null,"period":"2013-H1","process":"all","published_as":null,"regime":null,"sources":["r1"],"subject":"accounts","value":"7458""#),
            figure(#""DE","maximum":null,"measure":"requests","minimum":null,"percentage":null,"period":"2013-H1","process":"subpoena","published_as":"=SUM(A1)","regime":null,"sources":["r1"],"subject":"accounts","value":"-""#),
            figure(#""DE","maximum":null,"measure":"percent-with-data","minimum":null,"percentage":84.5,"period":"2013-H1","process":"all","published_as":null,"regime":null,"sources":["r1"],"subject":"accounts","value":"84.5%""#),
            figure(#""US","maximum":499,"measure":"requests","minimum":0,"percentage":null,"period":"2013-H2","process":"nsl","published_as":null,"regime":"separate-1000","sources":["r1","r2"],"subject":"accounts","value":"0-499""#),
            figure(#""US","maximum":null,"measure":"percent-with-data","minimum":null,"percentage":null,"period":"2013-H2","process":"all","published_as":null,"regime":null,"sources":["r1"],"subject":"accounts","value":"-""#),
        ]
        #expect(json == #"{"company":{"id":"acme","name":"Acme \"Mail\""},"description":"\#(RequestExports.figuresDescription)","figures":["#
            + figures.joined(separator: ",")
            + #"],"jurisdictions":{"WORLD":"All jurisdictions","DE":"Germany","US":"United States"},"#
            + #""periods":{"2013-H1":{"end":"2013-06-30","start":"2013-01-01"},"2013-H2":{"end":"2013-12-31","start":"2013-07-01"}},"#
            + #""schema_version":2,"sources":{"r1":{"archived_url":null,"date":"2014-02-03","publisher":"Acme","title":"Report","url":"https://example.org/r"},"#
            + #""r2":{"archived_url":null,"date":null,"publisher":"DOJ","title":"Bands\#u{FFFD}","url":"https://example.org/b"}}}"# + "\n")
    }

    /// The list of exports names each company's two files and how many figures they hold.
    @Test func indexListsEachCompanysFiles() {
        let index = String(decoding: RequestExports.index([.init(company: CompanyID("acme"), name: "Acme <Mail>", figures: 5)]), as: UTF8.self)
        #expect(index == #"{"companies":[{"csv":"acme/requests.csv","figures":5,"id":"acme","json":"acme/requests.json","name":"Acme <Mail>"}],"description":"The request figures of each company, in CSV and in JSON (paths relative to the site's root). \#(RequestExports.figuresDescription)","schema_version":2}"# + "\n")
    }
}
