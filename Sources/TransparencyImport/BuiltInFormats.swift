import TransparencyLoader

/// The formats of the companies' own downloads: the mapping files of the package's `Formats/`
/// folder, embedded at build time. They are written in the language users write their own
/// mappings in; a new publisher's format is a file like these, passed with `--mapping`.
enum BuiltInFormats {
    /// Each format's name (its file's name without `.yaml`) and its mapping's text, by name.
    static let mappings: [(name: String, yaml: String)] = EmbeddedFormats.files
        .filter { $0.key.hasSuffix(".yaml") }
        .map { (name: String($0.key.dropLast(5)), yaml: $0.value) }
        .sorted { $0.name < $1.name }

    /// The mappings, parsed once. Built-in mappings are part of the program: the tests check
    /// that each parses without a diagnostic.
    static let parsed: [ImportMapping?] = mappings.map { MappingReader.read($0.yaml, path: "Formats/\($0.name).yaml", log: DiagnosticLog()) }
}
