/// Loops, assignment, blocks, includes and imports.
extension Renderer {
    /// The items a for loop walks: list items, object keys, or the characters of a string.
    func iterate(_ value: Value) throws(TemplateError) -> [Value] {
        if let items = value.lazyItems { return items }
        switch value {
        case .array(let items): return items
        case .object(let pairs): return pairs.map { .string($0.key) }
        case .string(let s): return s.unicodeScalars.map { .string(String($0)) }
        case .markup(let s): return s.unicodeScalars.map { .markup(String($0)) }
        case .undefined(let undefined):
            // Jinja2's lenient Undefined iterates as empty; the strict kind fails.
            if undefined.isStrict { throw undefined.error }
            return []
        default: throw TemplateError("cannot loop over \(value.described)")
        }
    }

    /// Binds `targets` to `value`, unpacking it when there are several names.
    func assign(_ targets: [String], _ value: Value, in scope: Scope) throws(TemplateError) {
        try value.checkStorable()
        if targets.count == 1 { scope.set(targets[0], .value(value)); return }
        let parts = try iterate(value)
        guard parts.count == targets.count else {
            throw TemplateError(parts.count > targets.count
                ? "too many values to unpack (expected \(targets.count), found \(parts.count))"
                : "not enough values to unpack (expected \(targets.count), found \(parts.count))")
        }
        for (name, part) in zip(targets, parts) { scope.set(name, .value(part)) }
    }

    func renderLoop(_ loop: Loop, _ frame: Frame, into out: inout String) throws(TemplateError) {
        let iterable = try evaluate(loop.iterable, frame)
        var items: [Value]
        do throws(TemplateError) {
            items = try iterate(iterable)
        } catch {
            throw error.located(at: loop.iterable.position, in: frame.template.name)
        }
        let scope = Scope(parent: frame.scope)
        let body = frame.with(scope: scope)
        if let filter = loop.filter {
            var kept: [Value] = []
            for item in items {
                scope.reset()
                try assign(loop.targets, item, in: scope)
                if try evaluate(filter, body).isTruthy { kept.append(item) }
            }
            items = kept
        }
        guard !items.isEmpty else {
            try render(loop.otherwise, frame, into: &out)
            return
        }
        for (index, item) in items.enumerated() {
            scope.reset()
            try assign(loop.targets, item, in: scope)
            scope.set("loop", .loop(LoopState(index0: index, items: items)))
            try render(loop.body, body, into: &out)
        }
    }

    /// The most derived body of block `name` at `level` of the extends chain, rendered as markup (`super()`).
    func renderBlock(_ name: String, level: Int, _ frame: Frame) throws(TemplateError) -> String {
        try capture { (out) throws(TemplateError) in try renderBlock(name, level: level, frame, into: &out) }
    }

    /// The most derived body of block `name` at `level` of the extends chain, rendered into `out`.
    func renderBlock(_ name: String, level: Int, _ frame: Frame, into out: inout String) throws(TemplateError) {
        guard let chain = frame.blocks.chains[name], level < chain.count else {
            throw TemplateError(level == 0 ? "no block called '\(name)'" : "block '\(name)' has no parent block to call with super()")
        }
        try enter()
        defer { depth -= 1 }
        let (body, template) = chain[level]
        let scope = Scope(parent: frame.root)
        scope.set("super", .superBlock(name: name, level: level))
        try render(body, Frame(template: template, scope: scope, root: frame.root, blocks: frame.blocks), into: &out)
    }

    func include(_ nameExpr: Expr, ignoreMissing: Bool, withContext: Bool, _ node: Node, _ frame: Frame, into out: inout String) throws(TemplateError) {
        // A list of names includes the first that exists.
        let value = try evaluate(nameExpr, frame)
        let names = try (value.lazyItems ?? { if case .array(let items) = value { items } else { [value] } }()).map { (v) throws(TemplateError) in try templateName(v) }
        var found: Template?
        for name in names {
            do throws(TemplateError) {
                found = try environment.template(named: name)
                break
            } catch {
                if !error.isMissingTemplate || names.count == 1 && !ignoreMissing { throw error }
            }
        }
        guard let template = found else {
            if ignoreMissing { return }
            var error = TemplateError("none of the templates \(names.map { "'\($0)'" }.joined(separator: ", ")) was found")
            error.isMissingTemplate = true
            throw error
        }
        let scope = Scope(parent: withContext ? frame.scope : nil, hidesLoop: true)
        do {
            try renderTemplate(template, scope: scope, blocks: BlockTable(), into: &out)
        } catch {
            throw error.included(from: location(of: node, in: frame.template))
        }
    }

    func importModule(_ nameExpr: Expr, withContext: Bool, _ node: Node, _ frame: Frame) throws(TemplateError) -> Module {
        let name = try templateName(try evaluate(nameExpr, frame))
        let template = try environment.template(named: name)
        let scope = withContext ? Scope(parent: frame.scope) : Scope(parent: nil)
        do {
            _ = try capture { (discarded) throws(TemplateError) in try renderTemplate(template, scope: scope, blocks: BlockTable(), into: &discarded) }
        } catch {
            throw error.included(from: location(of: node, in: frame.template))
        }
        return Module(name: name, scope: scope)
    }
}

extension Value {
    /// A short rendering for messages: scalars as Python writes them, containers by size.
    var shortDescription: String {
        switch self {
        case .string(let s), .markup(let s):
            let clipped = s.count > 40 ? String(s.prefix(40)) + "…" : s
            return "\"\(clipped)\""
        case .array(let items): return "(a list of \(items.count))"
        case .object(let pairs): return "(an object with \(pairs.count) keys)"
        default: return (try? pythonString()) ?? typeName
        }
    }

    /// What kind of value this is, for messages: `an integer`, `a string`, `none`.
    var kind: String {
        if lazyItems != nil { return "a one-pass iterator" }
        switch self {
        case .null: return "none"
        case .bool: return "a boolean"
        case .int: return "an integer"
        case .double: return "a float"
        case .string, .markup: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        case .undefined: return "undefined"
        }
    }

    /// The kind and the value, for messages: `the integer 5`, `the string "a"`, `a list of 3 items`.
    var described: String {
        if lazyItems != nil { return "a one-pass iterator" }
        switch self {
        case .null: return "none"
        case .bool(let b): return "the boolean \(b ? "true" : "false")"
        case .array(let items): return "a list of \(items.count) item\(items.count == 1 ? "" : "s")"
        case .object(let pairs): return "an object with \(pairs.count) key\(pairs.count == 1 ? "" : "s")"
        case .undefined: return "an undefined value"
        default: return "the \(kind.split(separator: " ").last ?? "") \(shortDescription)"
        }
    }
}
