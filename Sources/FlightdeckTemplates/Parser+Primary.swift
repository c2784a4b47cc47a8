/// Literals, names, brackets, postfix access, calls, filters and tests.
extension Parser {
    mutating func parsePrimary() throws(TemplateError) -> Expr {
        let token = advance()
        let position = token.position
        switch token.kind {
        case .name(let name):
            switch name {
            case "true", "True": return Expr(.literal(.bool(true)), at: position)
            case "false", "False": return Expr(.literal(.bool(false)), at: position)
            case "none", "None": return Expr(.literal(.null), at: position)
            default: return Expr(.name(name), at: position)
            }
        case .string(var text):
            while case .string(let more) = current.kind { text += more; _ = advance() }
            return Expr(.literal(.string(text)), at: position)
        case .integer(let i): return Expr(.literal(.int(i)), at: position)
        case .float(let d): return Expr(.literal(.double(d)), at: position)
        case .op("("):
            try enter(at: position)
            defer { depth -= 1 }
            if current.isOp(")") { _ = advance(); return Expr(.list([]), at: position) }
            let inner = try parseTuple()
            try expectOp(")", "to close '(' at \(position.line):\(position.column)")
            return inner
        case .op("["):
            try enter(at: position)
            defer { depth -= 1 }
            var items: [Expr] = []
            while !current.isOp("]") {
                if !items.isEmpty { try expectOp(",", "between list items") }
                if current.isOp("]") { break }
                items.append(try parseExpression())
            }
            _ = advance()
            return Expr(.list(items), at: position)
        case .op("{"):
            try enter(at: position)
            defer { depth -= 1 }
            var pairs: [(key: Expr, value: Expr)] = []
            while !current.isOp("}") {
                if !pairs.isEmpty { try expectOp(",", "between dict items") }
                if current.isOp("}") { break }
                let key = try parseExpression()
                try expectOp(":", "after a dict key")
                pairs.append((key, try parseExpression()))
            }
            _ = advance()
            return Expr(.dict(pairs), at: position)
        default:
            throw error("expected an expression, found \(token.quoted)", at: position)
        }
    }

    mutating func parsePostfix(_ base: Expr) throws(TemplateError) -> Expr {
        var node = base
        var links = 0
        while true {
            // Each link nests the tree one level deeper for the renderer.
            links += 1
            if depth + links > 2 * Self.maxDepth { throw error("expression is too long or nested too deeply (more than \(2 * Self.maxDepth) levels)") }
            if current.isOp(".") {
                let position = advance().position
                switch advance().kind {
                case .name(let name): node = Expr(.attribute(node, name), at: position)
                case .integer(let i): node = Expr(.item(node, Expr(.literal(.int(i)), at: position)), at: position)
                default: throw error("expected an attribute name after '.', found \(tokens[index - 1].quoted)", at: position)
                }
            } else if current.isOp("[") {
                let position = advance().position
                node = try parseSubscript(node, at: position)
            } else if current.isOp("(") {
                node = Expr(.call(node, try parseArguments()), at: node.position)
            } else {
                return node
            }
        }
    }

    mutating func parseSubscript(_ base: Expr, at position: Position) throws(TemplateError) -> Expr {
        var start: Expr?
        if !current.isOp(":") { start = try parseExpression() }
        guard current.isOp(":") else {
            try expectOp("]", "to close the subscript")
            guard let start else { throw error("expected an index in '[]'", at: position) }
            return Expr(.item(base, start), at: position)
        }
        _ = advance()
        var stop: Expr?
        if !current.isOp("]") && !current.isOp(":") { stop = try parseExpression() }
        if current.isOp(":") { throw error("slices with a step are outside the template subset") }
        try expectOp("]", "to close the slice")
        return Expr(.slice(base, start: start, stop: stop), at: position)
    }

    /// `(a, b, key=value)`.
    mutating func parseArguments() throws(TemplateError) -> Arguments {
        try expectOp("(", "to start the arguments")
        var positional: [Expr] = []
        var keywords: [(name: String, value: Expr)] = []
        while !current.isOp(")") {
            if !positional.isEmpty || !keywords.isEmpty { try expectOp(",", "between arguments") }
            if current.isOp(")") { break }
            if current.isOp("*") || current.isOp("**") { throw error("'*' and '**' arguments are outside the template subset") }
            if let name = current.name, tokens[index + 1].isOp("=") {
                index += 2
                if keywords.contains(where: { $0.name == name }) { throw error("keyword argument '\(name)' is repeated") }
                keywords.append((name, try parseExpression()))
            } else {
                guard keywords.isEmpty else { throw error("a positional argument cannot follow keyword arguments") }
                positional.append(try parseExpression())
            }
        }
        _ = advance()
        return Arguments(positional: positional, keywords: keywords)
    }

    /// `| filter(args)`, `is [not] test(args)` and calls on their results.
    mutating func parseFilters(_ base: Expr) throws(TemplateError) -> Expr {
        var node = base
        var links = 0
        while true {
            links += 1
            if depth + links > 2 * Self.maxDepth { throw error("expression is too long or nested too deeply (more than \(2 * Self.maxDepth) levels)") }
            if current.isOp("|") {
                _ = advance()
                let position = current.position
                let name = try dottedName("after '|'")
                guard let filter = Filters.named(name) else {
                    throw error("unknown filter '\(name)'" + Suggestion.phrase(for: name, in: Filters.names), at: position)
                }
                let arguments = current.isOp("(") ? try parseArguments() : .none
                try filter.check(arguments, at: position, in: file)
                node = Expr(.filter(node, filter, arguments, prebound: Self.prebind(filter, arguments)), at: position)
            } else if current.isName("is") {
                _ = advance()
                let negated = skipName("not")
                let position = current.position
                let name = try dottedName("after 'is'")
                guard let test = Tests.named(name) else {
                    throw error("unknown test '\(name)'" + Suggestion.phrase(for: name, in: Tests.names), at: position)
                }
                var arguments = Arguments.none
                if current.isOp("(") {
                    arguments = try parseArguments()
                } else if Self.startsTestArgument(current), !current.isName("else"), !current.isName("or"), !current.isName("and") {
                    if current.isName("is") { throw error("tests cannot be chained with 'is'") }
                    arguments = Arguments(positional: [try parsePostfix(try parsePrimary())])
                }
                node = Expr(.test(node, test, arguments, negated: negated), at: position)
            } else if current.isOp("(") {
                let position = current.position
                node = Expr(.call(node, try parseArguments()), at: position)
            } else {
                return node
            }
        }
    }

    /// The filter's arguments bound once when they are all literals (most are: `default('-')`, `truncate(40)`).
    static func prebind(_ filter: Filter, _ arguments: Arguments) -> FilterArguments.Bound? {
        var positional: [Value] = []
        for expr in arguments.positional {
            guard case .literal(let value) = expr.kind else { return nil }
            positional.append(value)
        }
        var keywords: [(name: String, value: Value)] = []
        for (name, expr) in arguments.keywords {
            guard case .literal(let value) = expr.kind else { return nil }
            keywords.append((name, value))
        }
        return try? filter.bind(positional, keywords)
    }

    static func startsTestArgument(_ token: Token) -> Bool {
        switch token.kind {
        case .name, .string, .integer, .float, .op("("), .op("["), .op("{"): true
        default: false
        }
    }

    mutating func dottedName(_ context: String) throws(TemplateError) -> String {
        var name = try expectName(context)
        while current.isOp("."), tokens[index + 1].name != nil {
            _ = advance()
            name += "." + (try expectName(context))
        }
        return name
    }
}
