import ArgumentParser
import Foundation
import TransparencySite

/// Printing diagnostics and choosing exit codes.
enum Console {
    static func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        FileHandle.standardError.write(Data((diagnostics.map(\.description).joined(separator: "\n") + "\n").utf8))
    }

    /// Prints the failure and returns the exit code for it: 65 bad input, 73 cannot write.
    static func exit(for failure: BuildPipeline.Failure) -> ExitCode {
        switch failure {
        case .invalidInput(let error):
            report(error.diagnostics)
            let errors = error.diagnostics.filter { $0.severity == .error }.count
            FileHandle.standardError.write(Data("\(errors) error\(errors == 1 ? "" : "s"); nothing was written.\n".utf8))
            return ExitCode(65)
        case .cannotPublish(let error):
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            return ExitCode(73)
        }
    }
}
