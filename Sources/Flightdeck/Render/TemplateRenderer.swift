import Foundation
import FlightdeckTemplates

/// The one file that links the pipeline to the template engine: swapping engines changes only this file.
struct TemplateRenderer: Sendable {
    private let environment: Environment
    private let siteTemplates: URL?

    /// Templates come from the site's own `templates/` first, then the built-in theme.
    init(siteTemplates: URL?) {
        self.siteTemplates = siteTemplates
        var sources: [TemplateSource] = []
        if let siteTemplates { sources.append(.directory(siteTemplates)) }
        sources.append(.memory(EmbeddedTheme.templates))
        environment = Environment(sources: sources)
    }

    /// Renders a named template with a context of encodable values (keys become snake_case).
    func render(_ name: String, context: [String: any Encodable & Sendable]) throws(DiagnosticError) -> String {
        var values: [String: Value] = [:]
        for (key, value) in context {
            do {
                values[key] = try Value(jsonData: FiguresJSON.data(of: value))
            } catch {
                throw DiagnosticError(.error("cannot pass '\(key)' to template \(name): \(error)", at: nil))
            }
        }
        do {
            return try environment.render(name, context: values)
        } catch {
            throw DiagnosticError(diagnostic(for: error))
        }
    }

    /// Parses a template and everything it pulls in, for `flightdeck check`.
    func validate(_ name: String) throws(DiagnosticError) {
        do {
            try environment.validate(name)
        } catch {
            throw DiagnosticError(diagnostic(for: error))
        }
    }

    /// A template error, its places named as the user finds them: `templates/x.html` for the site's
    /// own templates, `(built-in theme) x.html` for the theme compiled into the binary.
    private func diagnostic(for error: TemplateError) -> Diagnostic {
        let location = SourceLocation(file: path(of: error.file), line: error.line, column: error.column)
        var message = error.message
        for step in error.includedFrom {
            message += "\n  included from \(path(of: step.file)):\(step.line):\(step.column)"
        }
        return Diagnostic(.error, at: location, message)
    }

    private func path(of name: String) -> String {
        if let siteTemplates, FileManager.default.fileExists(atPath: siteTemplates.appendingPathComponent(name).path) {
            return "templates/\(name)"
        }
        return EmbeddedTheme.templates[name] != nil ? "(built-in theme) \(name)" : name
    }
}
