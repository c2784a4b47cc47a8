package import Foundation

/// Formats diagnostics for a terminal: the compiler-style line, the source line and a caret under the place.
package enum DiagnosticRenderer {
    /// Renders each diagnostic, reading source lines from files under `root` (paths stay as given).
    package static func render(_ diagnostics: [Diagnostic], root: URL) -> String {
        var cache: [String: SourceFile?] = [:]
        return diagnostics.map { diagnostic in
            guard diagnostic.sourceLine == nil, let location = diagnostic.location, location.line > 0 else {
                return diagnostic.rendered
            }
            if cache[location.file] == nil {
                let url = location.file.hasPrefix("/") ? URL(fileURLWithPath: location.file) : root.appendingPathComponent(location.file)
                let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
                let text = size < 16 * 1_048_576 ? (try? Data(contentsOf: url)).flatMap { String(validating: $0, as: UTF8.self) } : nil
                cache[location.file] = text.map { SourceFile(path: location.file, text: $0) }
            }
            guard let file = cache[location.file] ?? nil, let line = file.line(location.line) else { return diagnostic.rendered }
            let shown = line.count > 200 ? String(line.prefix(200)) : String(line)
            return Diagnostic(diagnostic.severity, at: location, diagnostic.message, sourceLine: shown, span: 1).rendered
        }.joined(separator: "\n")
    }
}
