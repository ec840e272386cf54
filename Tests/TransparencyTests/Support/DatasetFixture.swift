import Foundation

/// A small valid dataset written into a temporary folder, which a test can then break.
struct DatasetFixture {
    let root: String

    static let sources = """
        - id: example-source
          title: Example source
          publisher: Example Publisher
          url: https://example.org/report
          date: 2013-06-07
        """

    static let claims = """
        - id: denies-direct-access
          label: Denies direct access
        """

    static let company = """
        id: acme
        name: Acme
        services:
          - id: acme-mail
            name: Acme Mail
        """

    static let statements = """
        company: acme
        statements:
          - id: acme-2013-06-07
            date: 2013-06-07
            kind: press-statement
            quote: We do not provide direct access.
            claims: [denies-direct-access]
            sources: [example-source]
        """

    static let requests = """
        period,jurisdiction,process,measure,value,sources
        2013-H1,US,all,requests,0-499,example-source
        2013-H1,US,all,accounts,"1,234",example-source
        """

    /// Writes the valid dataset; `files` replaces or adds files by relative path.
    init(_ files: [String: String] = [:]) throws {
        root = try TestPaths.temporaryFolder("dataset")
        var all = [
            "sources.yaml": Self.sources,
            "claims.yaml": Self.claims,
            "companies/acme.yaml": Self.company,
            "statements/acme.yaml": Self.statements,
            "requests/acme.csv": Self.requests,
        ]
        for (path, text) in files { all[path] = text }
        for (path, text) in all {
            let full = root + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: full))
        }
    }

    func path(_ relative: String) -> String { root + "/" + relative }
}
