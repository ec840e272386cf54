import ArgumentParser
import Foundation
import Testing
import TransparencyCLI

/// The real executable, run from another directory, as users run it.
@Suite struct CommandLineTests {
    /// One broken dataset per error kind the loader must report, with the diagnostics expected.
    static let brokenDatasets: [(name: String, files: [String: String], expected: [String])] = [
        ("YAML syntax", ["claims.yaml": "- id: a\n  label: [x"],
         ["D/claims.yaml:3:1: error: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence at line 2)"]),
        ("unknown id", ["statements/acme.yaml": DatasetFixture.statements.replacingOccurrences(of: "company: acme", with: "company: acmee")],
         ["D/statements/acme.yaml:1:10: error: the statements of company 'acmee' are in 'acme.yaml': move them to statements/acmee.yaml",
          "D/statements/acme.yaml:1:10: error: unknown company 'acmee'; did you mean 'acme'?"]),
        ("duplicate id", ["claims.yaml": DatasetFixture.claims + "\n" + DatasetFixture.claims],
         ["D/claims.yaml:3:7: error: duplicate claim id 'denies-direct-access', first defined at D/claims.yaml:1:7"]),
        ("malformed date", ["sources.yaml": DatasetFixture.sources.replacingOccurrences(of: "2013-06-07", with: "7 June 2013")],
         ["D/sources.yaml:5:9: error: malformed date '7 June 2013': expected YYYY-MM-DD (or YYYY-MM, YYYY) of a real day"]),
        ("malformed count", ["requests/acme.csv": "period,jurisdiction,process,measure,value,sources\n2013-H1,US,all,requests,\"12,5x\",example-source"],
         ["D/requests/acme.csv:2:25: error: malformed count '12,5x': expected a number (7458 or 7,458), a range (0-499), <N, or - for not reported"]),
        ("range minimum above maximum", ["requests/acme.csv": "period,jurisdiction,process,measure,value,sources\n2013-H1,US,all,requests,500 - 499,example-source"],
         ["D/requests/acme.csv:2:25: error: malformed count '500 - 499': the range's minimum exceeds its maximum"]),
        ("statement without source", ["statements/acme.yaml": DatasetFixture.statements.replacingOccurrences(of: "    sources: [example-source]\n", with: "").replacingOccurrences(of: "\n    sources: [example-source]", with: "")],
         ["D/statements/acme.yaml:3:5: error: a statement has no source: add 'sources:' with at least one source id"]),
        ("figure without source", ["requests/acme.csv": "period,jurisdiction,process,measure,value,sources\n2013-H1,US,all,requests,7,"],
         ["D/requests/acme.csv:2:27: error: the figure has no source: name at least one source id"]),
        ("claim outside the vocabulary", ["statements/acme.yaml": DatasetFixture.statements.replacingOccurrences(of: "claims: [denies-direct-access]", with: "claims: [gives-direct-access]")],
         ["D/statements/acme.yaml:7:14: error: unknown claim 'gives-direct-access'; did you mean 'denies-direct-access'?"]),
        ("slug outside [a-z0-9-]", ["companies/acme.yaml": DatasetFixture.company.replacingOccurrences(of: "id: acme-mail", with: "id: ../acme-mail")],
         ["D/companies/acme.yaml:4:9: error: '../acme-mail' is not a valid id: use only a-z, 0-9 and -"]),
    ]

    @Test(arguments: 0..<brokenDatasets.count)
    func brokenDatasetExits65AndWritesNothing(_ index: Int) throws {
        let broken = Self.brokenDatasets[index]
        let fixture = try DatasetFixture(broken.files)
        let work = try TestPaths.temporaryFolder("work")
        let built = try CommandRunner.run(["build", "--data", TestPaths.data, "--output", "Reports"], in: work)
        #expect(built.status == 0, "\(built.standardError)")
        let before = folderContents(work + "/Reports")

        let result = try CommandRunner.run(["build", "--data", fixture.root, "--output", "Reports"], in: work)
        #expect(result.status == 65, "\(broken.name)")
        let lines = result.standardError.split(separator: "\n").map { $0.replacingOccurrences(of: fixture.root, with: "D") }
        #expect(lines.dropLast() == broken.expected[...], "\(broken.name)")
        #expect(lines.last == "\(broken.expected.count) error\(broken.expected.count == 1 ? "" : "s"); nothing was written.")
        #expect(folderContents(work + "/Reports") == before, "\(broken.name)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work) == ["Reports"])
    }

    @Test func buildsFromAnotherDirectoryWithBuiltInTemplates() throws {
        let work = try TestPaths.temporaryFolder("work")
        let result = try CommandRunner.run(["build", "--data", TestPaths.data, "--output", "out"], in: work)
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("Wrote 35 HTML pages and 10 Markdown reports (72 files) to out in "))
        #expect(result.standardOutput.split(separator: "\n").count == 1)
        #expect(folderContents(work + "/out") == folderContents(TestPaths.reports))
    }

    @Test func validateWritesNothing() throws {
        let work = try TestPaths.temporaryFolder("work")
        let result = try CommandRunner.run(["validate", "--data", TestPaths.data], in: work)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains(": 10 companies, "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: work).isEmpty)
    }

    @Test func unwritableOutputExits73() throws {
        let work = try TestPaths.temporaryFolder("work")
        try Data("a file".utf8).write(to: URL(fileURLWithPath: work + "/blocked"))
        let result = try CommandRunner.run(["build", "--data", TestPaths.data, "--output", "blocked/out"], in: work)
        #expect(result.status == 73)
        #expect(result.standardError == "blocked: error: cannot create a folder beside the output: Not a directory\n")
    }

    @Test func usageErrorsExit64AndHelpShowsAnExample() throws {
        #expect(try CommandRunner.run(["build", "--no-such-option"]).status == 64)
        let help = try CommandRunner.run(["build", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("transparency build --data Data --output Reports"))
    }

    /// Each command's examples fit the 80 columns that help is wrapped to, so that wrapping
    /// never breaks an example in the middle of its arguments.
    @Test func examplesFitEightyColumns() {
        let commands: [any ParsableCommand.Type] = [
            BuildCommand.self, ValidateCommand.self, ImportCommand.self, DiffCommand.self, ClaimsCommand.self,
        ]
        for command in commands {
            let examples = command.configuration.discussion.split(separator: "\n").filter { $0.hasPrefix("  ") }
            #expect(!examples.isEmpty, "\(command)")
            let long = examples.filter { $0.count > 80 }
            #expect(long.isEmpty, "\(command): \(long)")
        }
    }
}

/// The command line as ArgumentParser reads it, without running anything.
@Suite struct CommandOptionTests {
    /// `build` is the default command; every option and flag is read, and the defaults are
    /// Data and Reports.
    @Test func buildReadsEveryOptionAndFlag() throws {
        let arguments = ["--timings", "--output", "O", "--page-markdown", "M", "--full", "--templates", "T", "--data", "D"]
        for line in [["build"] + arguments, arguments] {
            let build = try #require(try TransparencyCommand.parseAsRoot(line) as? BuildCommand, "\(line)")
            #expect(build.dataset.data == "D" && build.dataset.templates == "T" && build.output == "O" && build.pageMarkdown == "M")
            #expect(build.full && build.timings)
        }
        let plain = try #require(try TransparencyCommand.parseAsRoot([]) as? BuildCommand)
        #expect(plain.dataset.data == "Data" && plain.dataset.templates == nil && plain.output == "Reports" && plain.pageMarkdown == nil)
        #expect(!plain.full && !plain.timings)
    }
}
