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
    private let siteTemplates: URL?

    /// Templates come from the site's own `templates/` first, then the built-in theme.
    init(siteTemplates: URL?) {
        self.siteTemplates = siteTemplates
        var sources: [TemplateSource] = []
        if let siteTemplates { sources.append(.directory(siteTemplates)) }
        sources.append(.memory(EmbeddedTheme.templates))
        environment = Environment(sources: sources)
    }

    /// How the site's templates and the built-in theme, all of them, use the context variable `variable`.
    func usage(of variable: String) -> Usage {
        var names = Array(EmbeddedTheme.templates.keys)
        if let siteTemplates {
            let folder = siteTemplates.standardizedFileURL.path
            let enumerator = FileManager.default.enumerator(at: siteTemplates, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = enumerator?.nextObject() as? URL {
                guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let name = String(url.standardizedFileURL.path.dropFirst(folder.count + 1))
                if !name.hasPrefix("assets/") && !ContentLoader.isIgnored(url.lastPathComponent) { names.append(name) }
            }
        }
        return Usage(value: environment.usage(of: variable, in: names.sorted()))
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
