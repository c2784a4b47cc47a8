/// An expression node; filters and tests are resolved when the template is parsed.
final class Expr: Sendable {
    let kind: Kind
    let position: Position
    /// The parts of the most frequent kinds as stored properties: the renderer reads them without copying
    /// (and reference counting) the enum's payload on its hottest paths.
    let tag: Tag
    /// The base of `base.name`, the operand of a filter, the left side of a binary operator.
    let base: Expr?
    /// The right side of a binary operator.
    let right: Expr?
    /// `base` and `right` without reference counting, for the renderer (the node keeps them alive).
    let baseReference: Unmanaged<Expr>?
    let rightReference: Unmanaged<Expr>?
    /// `filter` and `arguments` likewise.
    let filterReference: Unmanaged<Filter>?
    let argumentsReference: Unmanaged<Arguments>?
    /// The name of a plain name or of `base.name`.
    let name: String
    let filter: Filter?
    let arguments: Arguments?
    let prebound: FilterArguments.Bound?
    let op: BinaryOperator
    /// The format of `'literal'|format(...)`, read once.
    let compiledFormat: PrintfFormat.Compiled?

    /// The kinds with stored parts.
    enum Tag: Sendable { case name, attribute, filter, binary, other }

    init(_ kind: Kind, at position: Position) {
        self.kind = kind
        self.position = position
        var (tag, base, right, name) = (Tag.other, Expr?.none, Expr?.none, "")
        var (filter, arguments, prebound, op) = (Filter?.none, Arguments?.none, FilterArguments.Bound?.none, BinaryOperator.add)
        switch kind {
        case .attribute(let b, let n): (tag, base, name) = (.attribute, b, n)
        case .name(let n): (tag, name) = (.name, n)
        case .filter(let operand, let f, let a, let p): (tag, base, filter, arguments, prebound) = (.filter, operand, f, a, p)
        case .binary(let o, let l, let r): (tag, base, right, op) = (.binary, l, r, o)
        default: break
        }
        (self.tag, self.base, self.right, self.name) = (tag, base, right, name)
        baseReference = base.map { Unmanaged.passUnretained($0) }
        rightReference = right.map { Unmanaged.passUnretained($0) }
        filterReference = filter.map { Unmanaged.passUnretained($0) }
        argumentsReference = arguments.map { Unmanaged.passUnretained($0) }
        (self.filter, self.arguments, self.prebound, self.op) = (filter, arguments, prebound, op)
        if filter?.name == "format", arguments?.keywords.isEmpty == true, case .literal(.string(let format))? = base?.kind {
            compiledFormat = PrintfFormat.compile(format)
        } else {
            compiledFormat = nil
        }
    }

    /// What the expression computes.
    enum Kind: Sendable {
        case literal(Value)
        case name(String)
        case list([Expr])
        case dict([(key: Expr, value: Expr)])
        case attribute(Expr, String)
        case item(Expr, Expr)
        case slice(Expr, start: Expr?, stop: Expr?)
        case negate(Expr)
        case plus(Expr)
        case not(Expr)
        case binary(BinaryOperator, Expr, Expr)
        case and(Expr, Expr)
        case or(Expr, Expr)
        case conditional(value: Expr, test: Expr, otherwise: Expr?)
        /// A filter; `prebound` holds its arguments when they are all literals (bound once, at parse time).
        case filter(Expr, Filter, Arguments, prebound: FilterArguments.Bound?)
        case test(Expr, TemplateTest, Arguments, negated: Bool)
        case call(Expr, Arguments)
    }

    /// True if Jinja2 would fold the expression into a constant at compile time (no names, calls or context filters).
    var isConstant: Bool {
        switch kind {
        case .literal: return true
        case .list(let items): return items.allSatisfy(\.isConstant)
        case .dict(let pairs): return pairs.allSatisfy { $0.key.isConstant && $0.value.isConstant }
        case .attribute(let base, _): return base.isConstant
        case .item(let a, let b): return a.isConstant && b.isConstant
        case .negate(let e), .plus(let e), .not(let e): return e.isConstant
        case .binary(_, let a, let b), .and(let a, let b), .or(let a, let b): return a.isConstant && b.isConstant
        case .filter(let operand, let filter, let arguments, _):
            return !["map", "select", "reject", "selectattr", "rejectattr"].contains(filter.name) && operand.isConstant
                && arguments.positional.allSatisfy(\.isConstant) && arguments.keywords.allSatisfy { $0.value.isConstant }
        default: return false
        }
    }

    /// The expression as a short source-like text for messages (`row.name`), if it is a name path.
    var path: String? {
        switch kind {
        case .name(let n): n
        case .attribute(let base, let attr): base.path.map { "\($0).\(attr)" }
        case .item(let base, let index):
            if case .literal(let key) = index.kind, let keyText = try? key.pythonString(), let basePath = base.path {
                "\(basePath)[\(key.text == nil ? keyText : "'\(keyText)'")]"
            } else { nil }
        default: nil
        }
    }
}

/// Binary operators with Python semantics.
enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%", power = "**"
    case concat = "~"
    /// `~` of two constants: Jinja2 folds it at compile time into a plain string, dropping markup.
    case constantConcat = "~ "
    case equal = "==", notEqual = "!=", less = "<", greater = ">", lessEqual = "<=", greaterEqual = ">="
    case contains = "in", notContains = "not in"
}

/// Call arguments: positional, then keyword (a class: nodes share it without copying its arrays).
final class Arguments: Sendable {
    let positional: [Expr]
    let keywords: [(name: String, value: Expr)]
    static let none = Arguments()

    init(positional: [Expr] = [], keywords: [(name: String, value: Expr)] = []) {
        self.positional = positional
        self.keywords = keywords
    }
}

/// A statement or piece of output.
final class Node: Sendable {
    let kind: Kind
    let position: Position
    /// The text of a text node (empty otherwise), read by the renderer without copying the enum's payload.
    let text: String
    let isText: Bool
    /// The expression of an output node (`{{ expr }}`), likewise.
    let output: Expr?
    /// `output` without reference counting (the node keeps it alive).
    let outputReference: Unmanaged<Expr>?

    init(_ kind: Kind, at position: Position) {
        self.kind = kind
        self.position = position
        if case .text(let text) = kind { (self.text, isText) = (text, true) } else { (self.text, isText) = ("", false) }
        if case .output(let expr) = kind { output = expr } else { output = nil }
        outputReference = output.map { Unmanaged.passUnretained($0) }
    }

    /// What the node does.
    enum Kind: Sendable {
        case text(String)
        case output(Expr)
        case conditional([(test: Expr, body: [Node])], otherwise: [Node])
        case loop(Loop)
        case set(targets: [String], Expr)
        case setBlock(String, body: [Node])
        case include(Expr, ignoreMissing: Bool, withContext: Bool)
        case extends(Expr)
        case block(String)
        case macro(Macro)
        case callBlock(call: Expr, caller: Macro)
        case importAs(Expr, name: String, withContext: Bool)
        case importNames(Expr, names: [(name: String, alias: String)], withContext: Bool)
    }
}

/// `{% for targets in iterable if filter %}body{% else %}otherwise{% endfor %}`.
final class Loop: Sendable {
    let targets: [String]
    let iterable: Expr
    let filter: Expr?
    let body: [Node]
    let otherwise: [Node]

    init(targets: [String], iterable: Expr, filter: Expr?, body: [Node], otherwise: [Node]) {
        self.targets = targets
        self.iterable = iterable
        self.filter = filter
        self.body = body
        self.otherwise = otherwise
    }
}

/// `{% macro name(a, b=default) %}body{% endmacro %}`.
final class Macro: Sendable {
    let name: String
    let parameters: [(name: String, defaultValue: Expr?)]
    let body: [Node]

    init(name: String, parameters: [(name: String, defaultValue: Expr?)], body: [Node]) {
        self.name = name
        self.parameters = parameters
        self.body = body
    }
}

/// A parsed template: its nodes and its named blocks.
final class Template: Sendable {
    let name: String
    let nodes: [Node]
    let blocks: [String: [Node]]
    /// Templates it names in include/extends/import tags with string literals, for `validate`.
    let references: [(name: String, position: Position)]

    init(name: String, nodes: [Node], blocks: [String: [Node]], references: [(name: String, position: Position)]) {
        self.name = name
        self.nodes = nodes
        self.blocks = blocks
        self.references = references
    }
}
