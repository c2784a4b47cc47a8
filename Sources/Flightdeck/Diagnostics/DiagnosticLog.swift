/// Collects the diagnostics of one stage, so a run reports every problem, not just the first.
package final class DiagnosticLog {
    /// Everything reported so far, in order.
    package private(set) var diagnostics: [Diagnostic] = []

    /// Creates an empty log.
    package init() {}

    /// Whether any error (not just warnings) was reported.
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Records an error.
    package func error(_ message: String, at location: SourceLocation?) {
        diagnostics.append(.error(message, at: location))
    }

    /// Records a warning.
    package func warning(_ message: String, at location: SourceLocation?) {
        diagnostics.append(.warning(message, at: location))
    }

    /// Records a prepared diagnostic.
    package func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Records several diagnostics.
    package func report(contentsOf others: [Diagnostic]) {
        diagnostics.append(contentsOf: others)
    }
}

/// A failure made of diagnostics; thrown by stages that cannot go on.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// The diagnostics, errors first.
    public let diagnostics: [Diagnostic]

    /// Wraps diagnostics in an error.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// Wraps one diagnostic in an error.
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
