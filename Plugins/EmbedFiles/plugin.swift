import Foundation
import PackagePlugin

/// Embeds every file of a folder of the package into a target as Swift string literals, so
/// the built-in files work whatever the working directory is: `Templates/` (the built-in
/// templates) into TransparencyRender, `Formats/` (the built-in import mappings) into
/// TransparencyImport.
@main
struct EmbedFiles: BuildToolPlugin {
    /// The folder each target embeds, and the name of the enum that holds its files.
    static let folders = [
        "TransparencyRender": (folder: "Templates", enumName: "EmbeddedTemplates"),
        "TransparencyImport": (folder: "Formats", enumName: "EmbeddedFormats"),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let (folder, enumName) = Self.folders[target.name] else { return [] }
        let directory = context.package.directoryURL.appending(path: folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { !$0.hasPrefix(".") }
            .sorted()
        let inputs = names.map { directory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "\(enumName).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) files of \(folder)/",
                executable: try context.tool(named: "embed-files").url,
                arguments: [enumName, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
