import Foundation

/// Paths the tests use: the package's own folders, `../shared` beside the checkout, temp folders.
enum TestPaths {
    /// The package root, found from this file's path.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var data: String { packageRoot + "/Data" }
    static var templates: String { packageRoot + "/Templates" }
    static var reports: String { packageRoot + "/Reports" }

    /// `../shared` beside the checkout, when present.
    static var shared: String? {
        let path = URL(fileURLWithPath: packageRoot).deletingLastPathComponent().path + "/shared"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The built `transparency` executable beside the test bundle.
    static var executable: String {
        let runner = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0])
        var folder = runner.deletingLastPathComponent()
        if runner.path.contains(".xctest/") {
            // macOS: the runner is inside the bundle.
            while !folder.path.hasSuffix(".xctest") { folder.deleteLastPathComponent() }
            folder.deleteLastPathComponent()
        }
        return folder.path + "/transparency"
    }

    /// A new empty folder in this test run's own folder under the system's temporary folder,
    /// which is removed when the run ends.
    static func temporaryFolder(_ name: String = "transparency-tests") throws -> String {
        let path = runFolder + "/\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The folder of this run's temporary folders, made once, removed at exit.
    private static let runFolder: String = {
        let path = NSTemporaryDirectory() + "transparency-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: TestPaths.runFolderPath) }
        return path
    }()

    /// `runFolder`'s path, without making it (for the exit handler).
    private static var runFolderPath: String { NSTemporaryDirectory() + "transparency-tests-\(getpid())" }
}
