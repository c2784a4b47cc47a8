import Foundation

/// Loads, caches and renders templates of the Jinja2 subset in TEMPLATES.md.
///
/// ```swift
/// let environment = Environment(sources: [.directory(siteTemplates), .memory(builtInTheme)])
/// let html = try environment.render("release.html", context: ["release": try Value.encode(release)])
/// ```
/// Templates are parsed once and cached; `render` may be called from many tasks at once.
public final class Environment: Sendable {
    private let sources: [TemplateSource]
    private let cache = TemplateCache()

    /// An environment searching `sources` in order (a site's own templates first, then the built-in theme).
    public init(sources: [TemplateSource]) {
        self.sources = sources
    }

    /// Renders template `name` with `context` as its variables.
    public func render(_ name: String, context: [String: Value]) throws(TemplateError) -> String {
        try renderText(name, context: context).joined()
    }

    /// Renders template `name` with `context` as its variables, keeping the long markup values printed into the
    /// output aside (`RenderedText`) so that they are not copied.
    public func renderText(_ name: String, context: [String: Value]) throws(TemplateError) -> RenderedText {
        try LargeStack.run { () throws(TemplateError) in
            let template = try self.template(named: name)
            var out = ""
            // Room for as much as the last render of this template wrote, so the output is not copied as it grows.
            out.reserveCapacity(self.cache.outputSize(name))
            defer { self.cache.setOutputSize(name, out.utf8.count) }
            let renderer = Renderer(environment: self)
            defer { renderer.finish() }
            try renderer.renderTemplate(template, scope: Scope(parent: nil, context: context), blocks: BlockTable(), into: &out)
            return RenderedText(text: out, splices: renderer.splices)
        }
    }

    /// Calls `body(i)` for every `i` in `0..<iterations`, in parallel on one thread per core whose stack is
    /// large enough for `render` to run on directly (elsewhere each render first starts such a thread).
    public static func concurrentPerform(iterations: Int, _ body: @escaping @Sendable (Int) -> Void) {
        LargeStack.concurrentPerform(iterations: iterations, body)
    }

    /// Parses `name` and every template it includes, extends or imports by a literal name (for `flightdeck check`).
    public func validate(_ name: String) throws(TemplateError) {
        try LargeStack.run { () throws(TemplateError) in
            var seen: Set<String> = []
            try self.validate(name, seen: &seen)
        }
    }

    private func validate(_ name: String, seen: inout Set<String>) throws(TemplateError) {
        guard seen.insert(name).inserted else { return }
        let template = try self.template(named: name)
        for reference in template.references {
            let site = TemplateError.Location(file: name, line: Int(reference.position.line), column: Int(reference.position.column))
            do {
                try validate(reference.name, seen: &seen)
            } catch {
                throw error.isUnlocated || error.isMissingTemplate && error.file == "" ? error.located(at: reference.position, in: name) : error.included(from: site)
            }
        }
    }

    /// The parsed template `name`, from the cache or the first source that has it.
    func template(named name: String) throws(TemplateError) -> Template {
        if let cached = cache.get(name) { return cached }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, !name.hasPrefix("/"), !parts.contains(".."), !name.contains("\\") else {
            var error = TemplateError("template '\(name)' not found: names are relative paths without '..'")
            error.isMissingTemplate = true
            throw error
        }
        for source in sources {
            guard let text = try source.load(name) else { continue }
            let template = try Parser.parse(text, name: name)
            cache.set(name, template)
            return template
        }
        var error = TemplateError("template '\(name)' not found")
        error.isMissingTemplate = true
        throw error
    }
}

/// Parsed templates by name, shared by concurrent renders.
final class TemplateCache: @unchecked Sendable {
    private let lock = NSLock()
    private var templates: [String: Template] = [:]
    private var outputSizes: [String: Int] = [:]

    func outputSize(_ name: String) -> Int {
        lock.withLock { outputSizes[name] ?? 0 }
    }

    func setOutputSize(_ name: String, _ size: Int) {
        lock.withLock { outputSizes[name] = size }
    }

    func get(_ name: String) -> Template? {
        lock.withLock { templates[name] }
    }

    func set(_ name: String, _ template: Template) {
        lock.withLock { templates[name] = template }
    }
}
