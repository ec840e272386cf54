import ArgumentParser
import Testing
import TransparencyCLI

/// A plain `build` command line is read without ArgumentParser: it must mean what ArgumentParser
/// reads it to mean.
@Suite struct BuildRequestTests {
    /// Pieces of command lines: the build's options and flags, values, and what only
    /// ArgumentParser handles (other commands, help, `--name=value`, a value that looks like an option).
    static let pieces = [
        "build", "build", "--data", "--data", "--templates", "--output", "--output", "--page-markdown", "--full", "--timings",
        "D", "out dir", "build", "Reports", "./x", "-", "", "-v", "--", "--data=x", "--help", "validate", "--out", "--ful",
    ]

    @Test func plainCommandLinesMeanWhatArgumentParserReads() throws {
        var generator = SeededGenerator(seed: 6)
        var read = 0
        for _ in 0..<2_000 {
            let arguments = (0..<Int.random(in: 0...8, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator) ?? "" }
            guard let request = BuildRequest(plainArguments: arguments) else { continue }
            read += 1
            let command = try TransparencyCommand.parseAsRoot(arguments)
            let build = try #require(command as? BuildCommand, "\(arguments)")
            #expect(build.request == request, "\(arguments)")
        }
        // The command lines read directly are a good share of those tried, not a handful.
        #expect(read > 150, "\(read)")
    }

    @Test func everyOptionAndFlagIsRead() throws {
        let arguments = ["build", "--timings", "--output", "O", "--page-markdown", "M", "--full", "--templates", "T", "--data", "D"]
        var expected = BuildRequest()
        (expected.data, expected.templates, expected.output, expected.pageMarkdown) = ("D", "T", "O", "M")
        (expected.full, expected.timings) = (true, true)
        #expect(BuildRequest(plainArguments: arguments) == expected)
        #expect(BuildRequest(plainArguments: Array(arguments.dropFirst())) == expected)
        #expect(BuildRequest(plainArguments: []) == BuildRequest())
        #expect(BuildRequest().data == "Data" && BuildRequest().output == "Reports")
    }

    @Test func everythingElseIsLeftToArgumentParser() {
        for arguments in [
            ["build", "--help"], ["validate"], ["--data=D"], ["--data"], ["--data", "-x"], ["--data", ""], ["--full", "--full"],
            ["--output", "a", "--output", "b"], ["build", "build"], ["--", "x"], ["-h"],
        ] {
            #expect(BuildRequest(plainArguments: arguments) == nil, "\(arguments)")
        }
    }
}
