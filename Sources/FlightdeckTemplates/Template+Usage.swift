/// How templates use a context variable: not at all, only through some of its members (`data.tests`,
/// `data['tests']`), or as a whole (printed, passed to a filter, assigned, indexed by a computed key).
///
/// A page's context can then leave out members no template can reach, which saves encoding them.
public enum VariableUsage: Equatable, Sendable {
    case unused
    case members(Set<String>)
    case whole

    /// Both usages together.
    func union(_ other: VariableUsage) -> VariableUsage {
        switch (self, other) {
        case (.whole, _), (_, .whole): .whole
        case (.unused, let usage), (let usage, .unused): usage
        case (.members(let a), .members(let b)): .members(a.union(b))
        }
    }
}

extension Environment {
    /// How the templates called `names` use the variable `variable`, read from their syntax trees.
    ///
    /// Conservative: a local variable of the same name counts as the context variable, and a template that
    /// cannot be loaded or parsed counts as using it whole (rendering will report the error).
    public func usage(of variable: String, in names: [String]) -> VariableUsage {
        // On the large stack, as rendering: a walk follows the templates' nesting.
        let result = try? LargeStack.run { () throws(TemplateError) -> VariableUsage in
            var usage = VariableUsage.unused
            for name in names {
                let template = try self.template(named: name)
                var walker = UsageWalker(variable: variable)
                walker.visit(template.nodes)
                for body in template.blocks.values { walker.visit(body) }
                usage = usage.union(walker.usage)
                if usage == .whole { break }
            }
            return usage
        }
        return result ?? .whole
    }
}

/// Walks nodes and expressions, collecting the uses of one name.
private struct UsageWalker {
    let variable: String
    var usage = VariableUsage.unused
    /// Nesting of the walk; past the parser's own limits it gives up and answers "whole" rather than recurse on.
    private var depth = 0

    init(variable: String) {
        self.variable = variable
    }

    mutating func visit(_ nodes: [Node]) {
        for node in nodes { visit(node) }
    }

    private mutating func visit(_ node: Node) {
        guard enter() else { return }
        defer { depth -= 1 }
        switch node.kind {
        case .text, .block: break
        case .output(let expr), .set(_, let expr), .extends(let expr), .include(let expr, _, _),
             .importAs(let expr, _, _), .importNames(let expr, _, _):
            visit(expr)
        case .conditional(let branches, let otherwise):
            for branch in branches {
                visit(branch.test)
                visit(branch.body)
            }
            visit(otherwise)
        case .loop(let loop):
            visit(loop.iterable)
            if let filter = loop.filter { visit(filter) }
            visit(loop.body)
            visit(loop.otherwise)
        case .setBlock(_, let body): visit(body)
        case .macro(let macro): visit(macro)
        case .callBlock(let call, let caller):
            visit(call)
            visit(caller)
        }
    }

    private mutating func visit(_ macro: Macro) {
        for parameter in macro.parameters {
            if let value = parameter.defaultValue { visit(value) }
        }
        visit(macro.body)
    }

    private mutating func visit(_ expr: Expr) {
        guard enter() else { return }
        defer { depth -= 1 }
        switch expr.kind {
        case .literal: break
        case .name(let name):
            if name == variable { usage = .whole }
        case .attribute(let base, let member):
            if case .name(variable) = base.kind { use(member) } else { visit(base) }
        case .item(let base, let index):
            if case .name(variable) = base.kind, case .literal(.string(let member)) = index.kind {
                use(member)
            } else {
                visit(base)
                visit(index)
            }
        case .list(let items): for item in items { visit(item) }
        case .dict(let pairs):
            for pair in pairs {
                visit(pair.key)
                visit(pair.value)
            }
        case .slice(let base, let start, let stop):
            visit(base)
            if let start { visit(start) }
            if let stop { visit(stop) }
        case .negate(let operand), .plus(let operand), .not(let operand): visit(operand)
        case .binary(_, let left, let right), .and(let left, let right), .or(let left, let right):
            visit(left)
            visit(right)
        case .conditional(let value, let test, let otherwise):
            visit(value)
            visit(test)
            if let otherwise { visit(otherwise) }
        case .filter(let operand, _, let arguments, _), .test(let operand, _, let arguments, _), .call(let operand, let arguments):
            visit(operand)
            visit(arguments)
        }
    }

    private mutating func visit(_ arguments: Arguments) {
        for argument in arguments.positional { visit(argument) }
        for keyword in arguments.keywords { visit(keyword.value) }
    }

    private mutating func use(_ member: String) {
        usage = usage.union(.members([member]))
    }

    private mutating func enter() -> Bool {
        depth += 1
        if depth > 2_000 { usage = .whole }
        return depth <= 2_000
    }
}
