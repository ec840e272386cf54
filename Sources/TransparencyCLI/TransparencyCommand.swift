import ArgumentParser

/// `transparency`: privacy-transparency reports from a version-controlled dataset.
public struct TransparencyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "transparency",
        abstract: "Privacy-transparency reports from a version-controlled dataset.",
        discussion: """
            Exit codes: 0 success, 64 usage error, 65 bad data or templates, 73 output not writable, 1 other.
            """,
        subcommands: [BuildCommand.self, ValidateCommand.self, ImportCommand.self],
        defaultSubcommand: BuildCommand.self)

    public init() {}
}

/// Options shared by the commands that read a dataset.
public struct DatasetOptions: ParsableArguments {
    @Option(name: .long, help: "The dataset folder.")
    public var data: String = "Data"

    @Option(name: .long, help: "A folder of templates to use instead of the built-in ones.")
    public var templates: String?

    public init() {}
}
