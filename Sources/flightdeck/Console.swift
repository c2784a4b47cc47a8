import ArgumentParser
import Flightdeck
import Foundation

/// Output helpers shared by the commands: stderr, diagnostics, and mapping failures to exit codes.
enum Console {
    /// Writes a line to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes a line to standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Prints diagnostics with source excerpts; warnings only unless `quiet`.
    static func report(_ diagnostics: [Diagnostic], root: URL, quiet: Bool = false) {
        let shown = quiet ? diagnostics.filter { $0.severity == .error } : diagnostics
        guard !shown.isEmpty else { return }
        error(DiagnosticRenderer.render(shown, root: root))
        let errors = shown.filter { $0.severity == .error }.count
        let warnings = shown.filter { $0.severity == .warning }.count
        if errors > 0 { error("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")") }
    }

    /// Prints a failure's diagnostics and exits 1.
    static func fail(_ failure: DiagnosticError, root: URL) -> ExitCode {
        report(failure.diagnostics, root: root)
        return ExitCode(1)
    }
}
