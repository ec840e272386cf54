import ArgumentParser
import Foundation
import Platform

/// `transparency`: privacy-transparency reports from a version-controlled dataset.
public struct TransparencyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "transparency",
        abstract: "Privacy-transparency reports from a version-controlled dataset.",
        discussion: """
            Exit codes: 0 success, 64 usage error, 65 bad data or templates, 73 output not writable, 1 other.
            """,
        subcommands: [BuildCommand.self, ValidateCommand.self, AuditCommand.self, ImportCommand.self, DiffCommand.self, ClaimsCommand.self],
        defaultSubcommand: BuildCommand.self)

    public init() {}

    /// Runs the command line; `diff` exits with 2 on any trouble, as diff(1) does.
    public static func runMain() {
        ProcessMemory.keepFreedMemory()
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if arguments.first == "diff", code != .success {
                FileHandle.standardError.write(Data("transparency diff: \(error is Trouble ? "\(error)" : fullMessage(for: error))\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options shared by the commands that read a dataset.
public struct DatasetOptions: ParsableArguments {
    @Option(name: .long, help: "The dataset folder.")
    public var data: String = "Data"

    @Option(name: .long, help: "A folder of templates to use instead of the built-in ones.")
    public var templates: String?

    public init() {}
}
