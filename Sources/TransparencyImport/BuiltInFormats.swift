import TransparencyLoader

/// The formats of the companies' own downloads, written as import mappings. A new publisher's
/// format is a file like these, passed with `--mapping`.
enum BuiltInFormats {
    static let mappings: [(name: String, yaml: String)] = [
        ("google-user-data", """
            name: Google Transparency Report, global requests for user information
            detect:
              header: [Period Ending, Country/Region, CLDR Territory Code, Legal Process, User Data Requests, Percentage disclosed, Accounts]
            period: {column: Period Ending, format: end-date}
            jurisdiction: {code: CLDR Territory Code, name: Country/Region}
            process:
              column: Legal Process
              values:
                All: all
                Subpoenas: subpoena
                Search Warrants: search-warrant
                Court Orders: court-order
                Other Court Orders: court-order
                Pen Register Orders: pen-register
                Wiretap Orders: wiretap
                Emergency Disclosure Requests: emergency
                Preservation Requests: preservation
              other: other
            measures:
              - {measure: requests, column: User Data Requests}
              - {measure: percent-with-data, column: Percentage disclosed, bare_percentage: true}
              - {measure: accounts, column: Accounts}
            """),
        ("google-fisa-content", googleNationalSecurity("fisa-content", "FISA content")),
        ("google-fisa-non-content", googleNationalSecurity("fisa-non-content", "FISA non-content")),
        ("google-nsl", googleNationalSecurity("nsl", "national security letters")),
        ("apple-account", """
            name: Apple Transparency Report, account requests
            detect:
              header: [TR Period, TR Start Date, TR End Date, Country/Region, Account Requests Received, Accounts Specified in Requests, Requests Challenged in Part or Rejected in Full, Requests where Only Non-Content Data Provided, Requests where Content Provided, Percentage of Requests where Data Provided]
            period: {column: TR Period, format: half-year}
            jurisdiction: {name: Country/Region}
            process: legal-process
            measures:
              - {measure: requests, column: Account Requests Received}
              - {measure: accounts, column: Accounts Specified in Requests}
              - {measure: rejected, column: Requests Challenged in Part or Rejected in Full}
              - {measure: non-content-only, column: Requests where Only Non-Content Data Provided}
              - {measure: content-disclosed, column: Requests where Content Provided}
              - {measure: percent-with-data, column: Percentage of Requests where Data Provided}
            """),
        ("apple-device", """
            name: Apple Transparency Report, device requests
            detect:
              header: [TR Period, TR Start Date, TR End Date, Country/Region, Device Requests Received, Devices Specified in Requests, Requests where Data Provided, Percentage of Requests where Data Provided]
            period: {column: TR Period, format: half-year}
            jurisdiction: {name: Country/Region}
            process: all
            subject: devices
            measures:
              - {measure: requests, column: Device Requests Received}
              - {measure: accounts, column: Devices Specified in Requests}
              - {measure: requests-with-data, column: Requests where Data Provided}
              - {measure: percent-with-data, column: Percentage of Requests where Data Provided}
            """),
        ("apple-emergency", """
            name: Apple Transparency Report, emergency requests
            detect:
              header: [TR Period, TR Start Date, TR End Date, Country/Region, Emergency Requests Received, Requests Rejected/Challenged and No Data Provided, Requests where No Data Provided, Requests where Data Provided, Percentage of Requests where Data Provided]
            period: {column: TR Period, format: half-year}
            jurisdiction: {name: Country/Region}
            process: emergency
            measures:
              - {measure: requests, column: Emergency Requests Received}
              - {measure: rejected, column: Requests Rejected/Challenged and No Data Provided}
              - {measure: no-data-found, column: Requests where No Data Provided}
              - {measure: requests-with-data, column: Requests where Data Provided}
              - {measure: percent-with-data, column: Percentage of Requests where Data Provided}
            """),
        ("apple-us-national-security", """
            name: Apple Transparency Report, US national security requests
            detect:
              header: [TR Period, TR Start Date, TR End Date, Country/Region, National Security Requests Type+, Requests Received, Users/Accounts]
            period: {column: TR Period, format: half-year}
            jurisdiction: {name: Country/Region}
            process:
              column: National Security Requests Type+
              values:
                National Security: national-security
                FISA Content: fisa-content
                FISA Non-Content: fisa-non-content
                NSLs: nsl
            measures:
              - {measure: requests, column: Requests Received}
              - {measure: accounts, column: Users/Accounts}
            """),
    ]

    /// The mappings, parsed once. Built-in mappings are part of the program: the tests check
    /// that each parses without a diagnostic.
    static let parsed: [ImportMapping?] = mappings.map { MappingReader.read($0.yaml, path: "<built-in>", log: DiagnosticLog()) }

    private static func googleNationalSecurity(_ process: String, _ words: String) -> String {
        """
        name: Google Transparency Report, US national security requests (\(words))
        detect:
          header: [Reporting period ending date, Number of requests (range MIN), Number of requests (range MAX), Number of accounts (range MIN), Number of accounts (range MAX)]
          file_name_contains: \(process)-requests
        period: {column: Reporting period ending date, format: end-date}
        jurisdiction: {fixed: US}
        process: \(process)
        measures:
          - {measure: requests, minimum: Number of requests (range MIN), maximum: Number of requests (range MAX)}
          - {measure: accounts, minimum: Number of accounts (range MIN), maximum: Number of accounts (range MAX)}
        """
    }
}
