/// Expressions, with Jinja2's precedence: conditional < or < and < not < comparison < + - < ~ < * / // % < ** < unary, filters, tests.
extension Parser {
    /// An expression, or a comma-separated tuple of them (a list).
    mutating func parseTuple(conditional: Bool = true, stopAtIf: Bool = false) throws(TemplateError) -> Expr {
        let first = try parseExpression(conditional: conditional)
        guard current.isOp(",") else { return first }
        var items = [first]
        while current.isOp(",") {
            _ = advance()
            if current.kind == .blockEnd || current.kind == .variableEnd || current.isOp(")") || (stopAtIf && current.isName("if")) { break }
            items.append(try parseExpression(conditional: conditional))
        }
        return Expr(.list(items), at: first.position)
    }

    mutating func parseExpression(conditional: Bool = true) throws(TemplateError) -> Expr {
        guard conditional else { return try parseOr() }
        let start = current.position
        try enter(at: start)
        defer { depth -= 1 }
        var value = try parseOr()
        var links = 0
        while current.isName("if") {
            links += 1
            if depth + links > 2 * Self.maxDepth { throw error("expression is too long or nested too deeply (more than \(2 * Self.maxDepth) levels)") }
            _ = advance()
            let test = try parseOr()
            let otherwise: Expr? = skipName("else") ? try parseExpression() : nil
            value = Expr(.conditional(value: value, test: test, otherwise: otherwise), at: value.position)
        }
        return value
    }

    mutating func parseOr() throws(TemplateError) -> Expr {
        var left = try parseAnd()
        var links = 0
        while current.isName("or") {
            links += 1
            if depth + links > 2 * Self.maxDepth { throw error("expression is too long or nested too deeply (more than \(2 * Self.maxDepth) levels)") }
            _ = advance()
            left = Expr(.or(left, try parseAnd()), at: left.position)
        }
        return left
    }

    mutating func parseAnd() throws(TemplateError) -> Expr {
        var left = try parseNot()
        var links = 0
        while current.isName("and") {
            links += 1
            if depth + links > 2 * Self.maxDepth { throw error("expression is too long or nested too deeply (more than \(2 * Self.maxDepth) levels)") }
            _ = advance()
            left = Expr(.and(left, try parseNot()), at: left.position)
        }
        return left
    }

    mutating func parseNot() throws(TemplateError) -> Expr {
        guard current.isName("not") else { return try parseCompare() }
        let position = advance().position
        try enter(at: position)
        defer { depth -= 1 }
        return Expr(.not(try parseNot()), at: position)
    }

    mutating func comparisonOperator() -> BinaryOperator? {
        if case .op(let symbol) = current.kind, let op = BinaryOperator(rawValue: symbol), op.isComparison {
            _ = advance()
            return op
        }
        if current.isName("in") { _ = advance(); return .contains }
        if current.isName("not"), tokens[index + 1].isName("in") { index += 2; return .notContains }
        return nil
    }

    mutating func parseCompare() throws(TemplateError) -> Expr {
        let left = try parseMath1()
        let position = current.position
        guard let op = comparisonOperator() else { return left }
        let result = Expr(.binary(op, left, try parseMath1()), at: position)
        if comparisonOperator() != nil { throw error("chained comparisons such as 'a < b < c' are outside the template subset; use 'and'", at: position) }
        return result
    }

    mutating func parseBinary(_ symbols: [String], next: (inout Parser) throws(TemplateError) -> Expr) throws(TemplateError) -> Expr {
        var left = try next(&self)
        var links = 0
        while case .op(let symbol) = current.kind, symbols.contains(symbol), var op = BinaryOperator(rawValue: symbol) {
            links += 1
            if depth + links > 2 * Self.maxDepth { throw error("expression is too long or nested too deeply (more than \(2 * Self.maxDepth) levels)") }
            let position = advance().position
            let right = try next(&self)
            if op == .concat && left.isConstant && right.isConstant { op = .constantConcat }
            left = Expr(.binary(op, left, right), at: position)
        }
        return left
    }

    mutating func parseMath1() throws(TemplateError) -> Expr { try parseBinary(["+", "-"]) { (p) throws(TemplateError) in try p.parseConcat() } }
    mutating func parseConcat() throws(TemplateError) -> Expr { try parseBinary(["~"]) { (p) throws(TemplateError) in try p.parseMath2() } }
    mutating func parseMath2() throws(TemplateError) -> Expr {
        try parseBinary(["*", "/", "//", "%"]) { (p) throws(TemplateError) in try p.parsePower() }
    }
    mutating func parsePower() throws(TemplateError) -> Expr { try parseBinary(["**"]) { (p) throws(TemplateError) in try p.parseUnary() } }

    mutating func parseUnary(withFilters: Bool = true) throws(TemplateError) -> Expr {
        let position = current.position
        var node: Expr
        if current.isOp("-") || current.isOp("+") {
            let minus = advance().isOp("-")
            try enter(at: position)
            let operand = try parseUnary(withFilters: false)
            depth -= 1
            node = Expr(minus ? .negate(operand) : .plus(operand), at: position)
        } else {
            node = try parsePrimary()
        }
        node = try parsePostfix(node)
        return withFilters ? try parseFilters(node) : node
    }
}

extension BinaryOperator {
    /// `==`, `!=`, `<`, `>`, `<=`, `>=`, `in`, `not in`.
    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .greater, .lessEqual, .greaterEqual, .contains, .notContains: true
        default: false
        }
    }
}
