/// Collects the diagnostics of one stage, so a run reports every problem, not just the first.
///
/// A file gives at most `perFileLimit` errors and as many warnings; past that one note says that more were left out,
/// so a data file with a million bad records costs a bounded report, not a million lines.
package final class DiagnosticLog {
    /// Everything reported so far, in order.
    package private(set) var diagnostics: [Diagnostic] = []
    /// The most errors, and the most warnings, kept for one file.
    package let perFileLimit: Int
    /// How many diagnostics of each file and severity were kept.
    private var counts: [Key: Int] = [:]

    private struct Key: Hashable {
        let file: String
        let severity: Diagnostic.Severity
    }

    /// Creates an empty log.
    package init(perFileLimit: Int = InputLimits.standard.diagnosticsPerFile) {
        self.perFileLimit = perFileLimit
    }

    /// Whether any error (not just warnings) was reported.
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Records an error.
    package func error(_ message: String, at location: SourceLocation?) {
        report(.error(message, at: location))
    }

    /// Records a warning.
    package func warning(_ message: String, at location: SourceLocation?) {
        report(.warning(message, at: location))
    }

    /// Records a prepared diagnostic, unless its file already gave `perFileLimit` of its severity.
    package func report(_ diagnostic: Diagnostic) {
        guard let file = diagnostic.location?.file, diagnostic.severity != .note else {
            diagnostics.append(diagnostic)
            return
        }
        let key = Key(file: file, severity: diagnostic.severity)
        let count = counts[key, default: 0]
        counts[key] = count + 1
        if count < perFileLimit {
            diagnostics.append(diagnostic)
        } else if count == perFileLimit {
            diagnostics.append(Diagnostic(.note, at: diagnostic.location,
                                          "more than \(perFileLimit) \(diagnostic.severity.rawValue)s in this file; the rest are not shown"))
        }
    }

    /// Whether a diagnostic of `severity` from `file` would still be kept (or give the note that the rest are not
    /// shown): a reader may skip the work of a message nobody will see.
    package func accepts(_ severity: Diagnostic.Severity, from file: String) -> Bool {
        counts[Key(file: file, severity: severity), default: 0] <= perFileLimit
    }

    /// A log whose diagnostics are added to this one later, with `report(buffered:)`: a reader that reports a
    /// file's records as it parses them, and its other problems after, keeps the order of a reader that parsed
    /// first. It keeps one more of each kind than this log, so this log still notes what it leaves out.
    package func buffer() -> DiagnosticLog {
        DiagnosticLog(perFileLimit: perFileLimit == Int.max ? perFileLimit : perFileLimit + 1)
    }

    /// Adds what a `buffer()` log recorded, in its order, as if reported here (its own notes left out).
    package func report(buffered: DiagnosticLog) {
        report(contentsOf: buffered.diagnostics.filter { $0.severity != .note })
    }

    /// Records several diagnostics.
    package func report(contentsOf others: [Diagnostic]) {
        for diagnostic in others { report(diagnostic) }
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
