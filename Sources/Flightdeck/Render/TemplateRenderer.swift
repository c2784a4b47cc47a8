import Foundation
import FlightdeckTemplates

/// The one file that links the pipeline to the template engine: swapping engines changes only this file.
struct TemplateRenderer: Sendable {
    /// A template context: variables already turned into the engine's values.
    struct Context: Sendable, Equatable {
        fileprivate var values: [String: Value] = [:]

        /// Adds variables, encoding each (keys become snake_case, nil optionals are left out, dates ISO 8601).
        mutating func add(_ variables: [String: any Encodable & Sendable]) throws(DiagnosticError) {
            for (key, variable) in variables {
                do {
                    values[key] = try Value.encode(variable)
                } catch let error as DiagnosticError {
                    throw error   // a located problem met while encoding (a Markdown file that changed)
                } catch {
                    throw DiagnosticError(.error("cannot pass '\(key)' to templates: \(error)", at: nil))
                }
            }
        }

        /// Adds one variable, encoding only what `usage` says templates read of it (all of it when unknown).
        mutating func add(_ key: String, _ variable: some Encodable & Sendable, usage: Usage) throws(DiagnosticError) {
            switch usage.value {
            case .unused: return
            case .whole: try add([key: variable])
            case .members(let members):
                do {
                    values[key] = try Value.encode(variable, members: members)
                } catch let error as DiagnosticError {
                    throw error   // a located problem met while encoding (a Markdown file that changed)
                } catch {
                    throw DiagnosticError(.error("cannot pass '\(key)' to templates: \(error)", at: nil))
                }
            }
        }

        /// Adds the variables of another context (its values win).
        mutating func merge(_ other: Context) {
            values.merge(other.values) { $1 }
        }
    }

    private let environment: Environment
    /// The names of the site's own templates, as Load listed them.
    private let siteNames: Set<String>

    /// Templates come from the site's own `templates/` first (the files Load listed), then the built-in theme.
    init(siteTemplates: URL?, names: [String]) {
        siteNames = Set(names)
        var sources: [TemplateSource] = []
        if let siteTemplates { sources.append(.directory(siteTemplates)) }
        sources.append(.memory(EmbeddedTheme.templates))
        environment = Environment(sources: sources)
    }

    /// How the site's templates and the built-in theme, all of them, use the context variable `variable`.
    func usage(of variable: String) -> Usage {
        let names = Set(EmbeddedTheme.templates.keys).union(siteNames).sorted()
        return Usage(value: environment.usage(of: variable, in: names))
    }

    /// What templates read of one variable: none of it, some members, or all of it.
    struct Usage: Sendable {
        fileprivate let value: VariableUsage
    }

    /// `transform` applied to every item, in parallel on threads where renders run directly; results in order.
    static func concurrentMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
        let results = ConcurrentResults<R>(count: items.count)
        Environment.concurrentPerform(iterations: items.count) { index in results.set(index, transform(items[index])) }
        return results.values()
    }

    /// Renders a named template.
    func render(_ name: String, context: Context) throws(DiagnosticError) -> String {
        do {
            return try environment.render(name, context: context.values)
        } catch {
            throw DiagnosticError(diagnostic(for: error))
        }
    }

    /// Renders a page: `render`'s output, with the long markup it prints kept aside by reference (`RenderedPage`).
    func renderPage(_ name: String, context: Context) throws(DiagnosticError) -> RenderedPage {
        let rendered: RenderedText
        do {
            rendered = try environment.renderText(name, context: context.values)
        } catch {
            throw DiagnosticError(diagnostic(for: error))
        }
        return RenderedPage(text: Data(rendered.text.utf8), splices: rendered.splices.map { .init(offset: $0.offset, markup: $0.markup) })
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
        if siteNames.contains(name) { return "templates/\(name)" }
        return EmbeddedTheme.templates[name] != nil ? "(built-in theme) \(name)" : name
    }
}
