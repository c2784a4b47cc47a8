/// How templates use a context variable: not at all, only through some of its members (`data.tests`,
/// `data['tests']`), or as a whole (printed, passed to a filter, assigned, indexed by a computed key).
///
/// Members are followed one level further (`data.rollout.format` uses only `format` of `data.rollout`), also
/// through a name set to a member (`{% set d = data.rollout %}` … `d.format`). A page's context can then leave
/// out members no template can reach, which saves encoding them (a rollout's every metric sample, say).
public enum VariableUsage: Equatable, Sendable {
    case unused
    /// Only these members, each used as its usage says.
    case members([String: VariableUsage])
    case whole

    /// How many levels below the variable members are told apart (an element of a list is a level: `data.incidents.
    /// incidents[i].title` is four); deeper uses count as the whole member.
    static let depth = 4

    /// The member that stands for any element of a list (`for x in list`, `list[i]`). An object read through it
    /// (a mapping iterated, or indexed by a computed key) keeps every member whole.
    public static let element = "[]"

    /// Both usages together.
    public func union(_ other: VariableUsage) -> VariableUsage {
        switch (self, other) {
        case (.whole, _), (_, .whole): .whole
        case (.unused, let usage), (let usage, .unused): usage
        case (.members(let a), .members(let b)): .members(a.merging(b) { $0.union($1) })
        }
    }

    /// The usage of a path of members below the variable, used whole at its end (or used as `end` says).
    public static func path(_ members: ArraySlice<String>, end: VariableUsage = .whole) -> VariableUsage {
        guard let first = members.first else { return end }
        return .members([first: path(members.dropFirst(), end: end)])
    }
}

extension Environment {
    /// How the templates called `names` use the variable `variable`, read from their syntax trees.
    ///
    /// Conservative: a local variable of the same name counts as the context variable; a name set anywhere to a
    /// member of it counts as that member in every template (Jinja's `include` shares names); and a template that
    /// cannot be loaded or parsed counts as using it whole (rendering will report the error).
    public func usage(of variable: String, in names: [String]) -> VariableUsage {
        // On the large stack, as rendering: a walk follows the templates' nesting.
        let result = try? LargeStack.run { () throws(TemplateError) -> VariableUsage in
            var trees: [[Node]] = []
            for name in names {
                let template = try self.template(named: name)
                trees.append(template.nodes)
                trees.append(contentsOf: template.blocks.values)
            }
            var aliases = AliasFinder(variable: variable)
            for nodes in trees { aliases.visit(nodes) }
            var usage = VariableUsage.unused
            for nodes in trees {
                var walker = UsageWalker(variable: variable, aliases: aliases.found)
                walker.visit(nodes)
                usage = usage.union(walker.usage)
                if usage == .whole { break }
            }
            return usage
        }
        return result ?? .whole
    }
}

/// The chain of members an expression reads below a name: `data.rollout['format']` is (data, [rollout, format]);
/// an index that is not a literal string reads an element (`VariableUsage.element`), and its expression is in
/// `indices`, to be walked on its own.
private func memberChain(_ expr: Expr) -> (name: String, members: [String], indices: [Expr])? {
    switch expr.kind {
    case .name(let name): return (name, [], [])
    case .attribute(let base, let member):
        guard let chain = memberChain(base) else { return nil }
        return (chain.name, chain.members + [member], chain.indices)
    case .item(let base, let index):
        guard let chain = memberChain(base) else { return nil }
        if case .literal(.string(let member)) = index.kind { return (chain.name, chain.members + [member], chain.indices) }
        return (chain.name, chain.members + [VariableUsage.element], chain.indices + [index])
    default: return nil
    }
}

/// The members a loop `for target in iterable` binds its one target to, when the iterable is a chain below
/// `variable`: an element of that chain.
private func loopAlias(_ loop: Loop, variable: String) -> (target: String, members: [String], indices: [Expr])? {
    guard loop.targets.count == 1, let chain = memberChain(loop.iterable), chain.name == variable, !chain.members.isEmpty else {
        return nil
    }
    return (loop.targets[0], chain.members + [VariableUsage.element], chain.indices)
}

/// Finds the names `{% set name = variable.member… %}` and `{% for name in variable.member… %}` bind, with the
/// members each stands for.
private struct AliasFinder {
    let variable: String
    var found: [String: [[String]]] = [:]

    mutating func visit(_ nodes: [Node]) {
        for node in nodes { visit(node) }
    }

    private mutating func visit(_ node: Node) {
        switch node.kind {
        case .set(let targets, let expr):
            if targets.count == 1, let chain = memberChain(expr), chain.name == variable, !chain.members.isEmpty {
                found[targets[0], default: []].append(chain.members)
            }
        case .conditional(let branches, let otherwise):
            for branch in branches { visit(branch.body) }
            visit(otherwise)
        case .loop(let loop):
            if let alias = loopAlias(loop, variable: variable) { found[alias.target, default: []].append(alias.members) }
            visit(loop.body)
            visit(loop.otherwise)
        case .setBlock(_, let body): visit(body)
        case .macro(let macro): visit(macro.body)
        case .callBlock(_, let caller): visit(caller.body)
        default: break
        }
    }
}

/// Walks nodes and expressions, collecting the uses of one name.
private struct UsageWalker {
    let variable: String
    /// Names set to members of the variable, and the members each stands for.
    let aliases: [String: [[String]]]
    var usage = VariableUsage.unused
    /// Nesting of the walk; past the parser's own limits it gives up and answers "whole" rather than recurse on.
    private var depth = 0

    init(variable: String, aliases: [String: [[String]]]) {
        self.variable = variable
        self.aliases = aliases
    }

    mutating func visit(_ nodes: [Node]) {
        for node in nodes { visit(node) }
    }

    private mutating func visit(_ node: Node) {
        guard enter() else { return }
        defer { depth -= 1 }
        switch node.kind {
        case .text, .block: break
        case .set(let targets, let expr):
            // Binding an alias (`set d = data.rollout`) reads nothing yet: the alias's own uses count (and those of
            // a computed index: `set i = data.incidents.incidents[name]`).
            if targets.count == 1, let chain = memberChain(expr), chain.name == variable, !chain.members.isEmpty,
               aliases[targets[0]] != nil {
                for index in chain.indices { visit(index) }
                break
            }
            visit(expr)
        case .output(let expr), .extends(let expr), .include(let expr, _, _),
             .importAs(let expr, _, _), .importNames(let expr, _, _):
            visit(expr)
        case .conditional(let branches, let otherwise):
            for branch in branches {
                visit(branch.test)
                visit(branch.body)
            }
            visit(otherwise)
        case .loop(let loop):
            // A loop whose target stands for the iterable's elements reads only that the elements are there: its
            // target's own uses count for what they hold.
            if let alias = loopAlias(loop, variable: variable), aliases[alias.target] != nil {
                usage = usage.union(alias.members.count <= VariableUsage.depth
                                    ? .path(alias.members[...], end: .members([:])) : .path(alias.members.prefix(VariableUsage.depth)))
                for index in alias.indices { visit(index) }
            } else {
                visit(loop.iterable)
            }
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
        if let chain = memberChain(expr), use(chain) {
            for index in chain.indices { visit(index) }
            return
        }
        switch expr.kind {
        case .literal, .name: break
        case .attribute(let base, _): visit(base)
        case .item(let base, let index):
            visit(base)
            visit(index)
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
        case .call(let operand, let arguments):
            // `data.rollout.items()`: `items` is a method of the value, not a member of it.
            if case .attribute(let base, _) = operand.kind, let chain = memberChain(base), use(chain) {
                for index in chain.indices { visit(index) }
            } else {
                visit(operand)
            }
            visit(arguments)
        case .filter(let operand, _, let arguments, _), .test(let operand, _, let arguments, _):
            visit(operand)
            visit(arguments)
        }
    }

    private mutating func visit(_ arguments: Arguments) {
        for argument in arguments.positional { visit(argument) }
        for keyword in arguments.keywords { visit(keyword.value) }
    }

    /// Records a chain of members read below the variable or one of its aliases, used whole at its end (at most
    /// `VariableUsage.depth` levels below the variable). False when the chain starts at another name.
    private mutating func use(_ chain: (name: String, members: [String], indices: [Expr])) -> Bool {
        var paths: [[String]] = []
        if chain.name == variable { paths.append(chain.members) }
        for alias in aliases[chain.name] ?? [] { paths.append(alias + chain.members) }
        for path in paths { usage = usage.union(.path(path.prefix(VariableUsage.depth))) }
        return !paths.isEmpty
    }

    private mutating func enter() -> Bool {
        depth += 1
        if depth > 2_000 { usage = .whole }
        return depth <= 2_000
    }
}
