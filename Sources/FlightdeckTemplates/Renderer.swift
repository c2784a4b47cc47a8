/// Renders templates for one `Environment.render` call: walks the nodes, evaluates expressions,
/// and gives errors the location of the node they came from as they unwind.
final class Renderer {
    /// Deepest nesting of includes, imports, extends, blocks and macro calls at render time.
    static let maxDepth = 100
    /// Largest output a render may produce (against runaway loops in hostile templates).
    static let maxOutput = 1 << 30
    /// Deepest nesting of tag bodies at render time, across macro calls and includes (bounds the stack).
    static let maxNesting = 1_000
    /// Markup at least this long (or a text, once escaped), printed into the page itself, is kept aside in `splices`
    /// rather than copied in.
    static let spliceBytes = 1 << 16

    let environment: Environment
    /// The depth and nesting counters, behind a pointer: as class properties every change would pay a dynamic exclusivity check.
    private let counters = UnsafeMutablePointer<Int>.allocate(capacity: 3)
    var depth: Int {
        get { counters[0] }
        set { counters[0] = newValue }
    }
    var nesting: Int {
        get { counters[1] }
        set { counters[1] = newValue }
    }
    /// How many outputs that become values (a macro's result, a `set` block, `super()`, an import) are being
    /// rendered: markup is spliced only where none is, into the page's own output.
    var captures: Int {
        get { counters[2] }
        set { counters[2] = newValue }
    }
    /// The long markup values printed into the page's own output, by where they go in it.
    private(set) var splices: [RenderedText.Splice] = []
    /// The bytes of `splices`' markup, which count towards `maxOutput`.
    private(set) var splicedBytes = 0

    init(environment: Environment) {
        self.environment = environment
        counters.initialize(repeating: 0, count: 3)
    }

    deinit {
        counters.deallocate()
    }

    /// Where a node runs: its template (for error locations), scope, the render's root scope and block table.
    final class Frame {
        let template: Template
        let scope: Scope
        let root: Scope
        let blocks: BlockTable
        /// After `extends`, top-level output is dropped (the parent template renders instead).
        let suppressed: Bool

        init(template: Template, scope: Scope, root: Scope, blocks: BlockTable, suppressed: Bool = false) {
            self.template = template
            self.scope = scope
            self.root = root
            self.blocks = blocks
            self.suppressed = suppressed
        }

        func with(scope: Scope) -> Frame {
            Frame(template: template, scope: scope, root: root, blocks: blocks, suppressed: suppressed)
        }
    }

    /// Every macro defined during the render: a macro and the scope that holds it refer to each other.
    private(set) var closures: [MacroClosure] = []

    func closure(_ macro: Macro, _ frame: Frame) -> MacroClosure {
        let closure = MacroClosure(macro, scope: frame.scope, template: frame.template)
        closures.append(closure)
        return closure
    }

    /// Breaks the reference cycles between macros and their scopes once the render is over, so nothing leaks.
    func finish() {
        for closure in closures {
            closure.spare = nil
            closure.scope.reset()
        }
        closures.removeAll()
    }

    /// Renders an output that becomes a value (never spliced: the value is the whole text).
    func capture(_ body: (inout String) throws(TemplateError) -> Void) throws(TemplateError) -> String {
        captures += 1
        defer { captures -= 1 }
        var out = ""
        try body(&out)
        return out
    }

    /// Prints markup: kept aside when it is long and goes into the page's own output, else appended.
    func emit(markup: String, into out: inout String) {
        let count = markup.utf8.count
        if count >= Self.spliceBytes, captures == 0 {
            splices.append(RenderedText.Splice(offset: out.utf8.count, markup: markup))
            splicedBytes += count
        } else {
            out += markup
        }
    }

    func enter() throws(TemplateError) {
        depth += 1
        if depth > Self.maxDepth {
            throw TemplateError("too many nested includes, blocks or macro calls (more than \(Self.maxDepth)); is a template including itself?")
        }
    }

    /// Renders a whole template in `scope`, following its `extends` to the parent that renders the page.
    func renderTemplate(_ template: Template, scope: Scope, blocks: BlockTable, into out: inout String) throws(TemplateError) {
        try enter()
        defer { depth -= 1 }
        blocks.add(template)
        var frame = Frame(template: template, scope: scope, root: scope, blocks: blocks)
        var parent: (template: Template, site: TemplateError.Location)?
        for node in template.nodes {
            if case .extends(let nameExpr) = node.kind {
                do throws(TemplateError) {
                    guard parent == nil else { throw TemplateError("the template extends another twice") }
                    let name = try templateName(try evaluate(nameExpr, frame))
                    parent = (try environment.template(named: name), location(of: node, in: template))
                } catch {
                    throw error.located(at: node.position, in: template.name)
                }
                frame = Frame(template: template, scope: scope, root: scope, blocks: blocks, suppressed: true)
                continue
            }
            try render(node, frame, into: &out)
        }
        if let parent {
            do throws(TemplateError) {
                try renderTemplate(parent.template, scope: scope, blocks: blocks, into: &out)
            } catch {
                throw error.included(from: parent.site)
            }
        }
    }

    func location(of node: Node, in template: Template) -> TemplateError.Location {
        TemplateError.Location(file: template.name, line: Int(node.position.line), column: Int(node.position.column))
    }

    /// A template name from an include/extends/import expression.
    func templateName(_ value: Value) throws(TemplateError) -> String {
        guard let name = value.text else { throw TemplateError("a template name must be a string, found \(value.described)") }
        return name
    }

    func render(_ nodes: [Node], _ frame: Frame, into out: inout String) throws(TemplateError) {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Self.maxNesting {
            throw TemplateError("rendering is nested too deeply (more than \(Self.maxNesting) levels of tags, macro calls and includes)")
        }
        // Through the buffer: iterating the array would retain and release every node.
        try nodes.withUnsafeBufferPointer { (buffer) throws(TemplateError) in
            for i in buffer.indices {
                try Unmanaged.passUnretained(buffer[i]).borrow { (node) throws(TemplateError) in try render(node, frame, into: &out) }
            }
        }
    }

    func render(_ node: Node, _ frame: Frame, into out: inout String) throws(TemplateError) {
        if node.isText {
            if !frame.suppressed { out += node.text }
            return
        }
        if let expr = node.outputReference {
            if frame.suppressed { return }
            do throws(TemplateError) {
                try expr.borrow { (expr) throws(TemplateError) in try renderOutput(expr, frame, into: &out) }
            } catch {
                throw error.located(at: node.position, in: frame.template.name)
            }
            return
        }
        do throws(TemplateError) {
            switch node.kind {
            case .text(let text):
                if !frame.suppressed { out += text }
            case .output(let expr):
                if frame.suppressed { return }
                try renderOutput(expr, frame, into: &out)
            case .conditional(let branches, let otherwise):
                for branch in branches where try evaluate(branch.test, frame).isTruthy {
                    try render(branch.body, frame, into: &out)
                    return
                }
                try render(otherwise, frame, into: &out)
            case .loop(let loop):
                try renderLoop(loop, frame, into: &out)
                if out.utf8.count + splicedBytes > Self.maxOutput { throw TemplateError("the output is larger than \(Self.maxOutput >> 20) MiB") }
            case .set(let targets, let expr):
                if targets.count == 1, case .name(let name) = expr.kind, let entry = frame.scope.lookup(name) {
                    // `set outer = loop` (or a macro): keep what the name stands for.
                    if case .value = entry {} else { frame.scope.set(targets[0], entry); return }
                }
                try assign(targets, try evaluateLazy(expr, frame), in: frame.scope)
            case .setBlock(let name, let body):
                let captured = try capture { (captured) throws(TemplateError) in try render(body, frame, into: &captured) }
                frame.scope.set(name, .value(.markup(captured)))
            case .block(let name):
                if frame.suppressed { return }
                try renderBlock(name, level: 0, frame, into: &out)
            case .macro(let macro):
                frame.scope.set(macro.name, .macro(closure(macro, frame)))
            case .include(let nameExpr, let ignoreMissing, let withContext):
                if frame.suppressed { return }
                try include(nameExpr, ignoreMissing: ignoreMissing, withContext: withContext, node, frame, into: &out)
            case .extends:
                throw TemplateError("'extends' must be at the top level of a template")
            case .callBlock(let call, let caller):
                if frame.suppressed { return }
                let closure = closure(caller, frame)
                emit(markup: try HTML.markup(try evaluateCall(call, frame, caller: closure)), into: &out)
            case .importAs(let nameExpr, let alias, let withContext):
                let module = try importModule(nameExpr, withContext: withContext, node, frame)
                frame.scope.set(alias, .module(module))
            case .importNames(let nameExpr, let names, let withContext):
                let module = try importModule(nameExpr, withContext: withContext, node, frame)
                for (name, alias) in names {
                    let entry = module.scope.local(name) ?? .missing("the template '\(module.name)' does not export the requested name '\(name)'")
                    frame.scope.set(alias, entry)
                }
            }
        } catch {
            throw error.located(at: node.position, in: frame.template.name)
        }
    }

    /// `{{ expr }}`: escaped text, markup as is; a macro printed directly renders straight into the output.
    func renderOutput(_ expr: Expr, _ frame: Frame, into out: inout String) throws(TemplateError) {
        // A macro printed directly renders straight into the output (its result is markup, printed as is).
        if case .call(let callee, let arguments) = expr.kind, let closure = macro(called: callee, frame),
           arguments.keywords.isEmpty, arguments.positional.count <= closure.macro.parameters.count {
            do throws(TemplateError) {
                try callMacro(closure, arguments, caller: nil, frame, into: &out)
            } catch {
                throw error.located(at: expr.position, in: frame.template.name)
            }
            return
        }
        switch try evaluate(expr, frame) {
        case .string(let s) where s.utf8.count >= Self.spliceBytes && captures == 0:
            // A long text (a release summary of megabytes) is escaped on its own and kept aside as markup, so that
            // the page's own output, and its copy as bytes, stay small.
            var escaped = ""
            HTML.escape(s, into: &escaped)
            emit(markup: escaped, into: &out)
        case .string(let s): HTML.escape(s, into: &out)
        case .markup(let s): emit(markup: s, into: &out)
        case .int(let i): out += String(i)
        case let value: HTML.escape(try value.pythonString(), into: &out)
        }
    }
}

/// Block bodies of an extends chain, most derived first.
final class BlockTable {
    var chains: [String: [(body: [Node], template: Template)]] = [:]

    func add(_ template: Template) {
        for (name, body) in template.blocks { chains[name, default: []].append((body, template)) }
    }
}

extension TemplateError {
    /// The error with one more include/extends/import site on its chain.
    func included(from site: TemplateError.Location) -> TemplateError {
        var copy = self
        copy.includedFrom.append(site)
        return copy
    }
}
