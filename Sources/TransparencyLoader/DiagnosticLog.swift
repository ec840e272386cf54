import TransparencyModel

/// Collects the diagnostics of one load. Used by one thread at a time.
package final class DiagnosticLog {
    package init() {}
    package private(set) var diagnostics: [Diagnostic] = []

    package func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(location, message))
    }

    package func warning(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(location, message, severity: .warning))
    }

    package func append(_ more: [Diagnostic]) {
        diagnostics += more
    }

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
