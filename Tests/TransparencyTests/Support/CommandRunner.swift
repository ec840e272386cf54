import Foundation

/// Runs the built `transparency` executable as a user would, capturing its output.
struct CommandRunner {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static func run(_ arguments: [String], in directory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}

/// Every file under a folder, by relative path, with its bytes; not the build cache, which
/// holds the stamps of the input files and so differs from build to build.
func folderContents(_ root: String) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
    while let path = enumerator.nextObject() as? String {
        guard path != ".transparency-cache" else { continue }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder) else { continue }
        // A folder is an entry too (an empty one left behind is a difference).
        files[isFolder.boolValue ? path + "/" : path] = isFolder.boolValue ? Data() : FileManager.default.contents(atPath: root + "/" + path)
    }
    return files
}
