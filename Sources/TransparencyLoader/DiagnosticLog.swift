import TransparencyModel

/// Collects the diagnostics of one load. Used by one thread at a time.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(location, message))
    }

    func warning(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(location, message, severity: .warning))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
