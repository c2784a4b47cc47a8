import Foundation
import FlightdeckTemplates

/// The one file that links the pipeline to the template engine: swapping engines changes only this file.
struct TemplateRenderer: Sendable {
    private let environment: Environment

    /// Templates come from the site's own `templates/` first, then the built-in theme.
    init(siteTemplates: URL?) {
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
            throw DiagnosticError(Self.diagnostic(for: error))
        }
    }

    /// Parses a template and everything it pulls in, for `flightdeck check`.
    func validate(_ name: String) throws(DiagnosticError) {
        do {
            try environment.validate(name)
        } catch {
            throw DiagnosticError(Self.diagnostic(for: error))
        }
    }

    private static func diagnostic(for error: TemplateError) -> Diagnostic {
        let location = SourceLocation(file: error.file, line: error.line, column: error.column)
        var message = error.message
        for step in error.includedFrom { message += "\n  included from \(step)" }
        return Diagnostic(.error, at: location, message)
    }
}
