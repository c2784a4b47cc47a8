/// `{% tag %}` statements.
extension Parser {
    static let tags = ["if", "for", "set", "include", "extends", "block", "macro", "call", "import", "from"]
    static let unsupportedTags = ["filter", "with", "autoescape", "do", "break", "continue", "trans", "pluralize", "endwith"]

    mutating func parseStatement(_ tag: String, at position: Position, endTags: [String], opener: (tag: String, position: Position)?) throws(TemplateError) -> Node? {
        try enter(at: position)
        defer { depth -= 1 }
        switch tag {
        case "if": return try parseIf(at: position)
        case "for": return try parseFor(at: position)
        case "set": return try parseSet(at: position)
        case "include":
            let name = try parseExpression()
            recordReference(name)
            let ignoreMissing = current.isName("ignore") && tokens[index + 1].isName("missing")
            if ignoreMissing { index += 2 }
            let withContext = try parseContextModifier(default: true)
            try expectBlockEnd(tag)
            return Node(.include(name, ignoreMissing: ignoreMissing, withContext: withContext), at: position)
        case "extends":
            guard depth == 1 else { throw error("'extends' must be at the top level of a template, not inside another tag", at: position) }
            let name = try parseExpression()
            recordReference(name)
            try expectBlockEnd(tag)
            return Node(.extends(name), at: position)
        case "block": return try parseBlock(at: position)
        case "macro":
            let macro = try parseMacro(name: try expectName("after 'macro'"), end: "endmacro", at: position)
            return Node(.macro(macro), at: position)
        case "call":
            var parameters: [(name: String, defaultValue: Expr?)] = []
            if current.isOp("(") { parameters = try parseParameters() }
            let call = try parseExpression()
            guard case .call = call.kind else { throw error("expected a macro call after 'call'", at: call.position) }
            try expectBlockEnd(tag)
            let (body, _) = try parseBody(until: ["endcall"], opener: ("call", position))
            try expectBlockEnd("endcall")
            return Node(.callBlock(call: call, caller: Macro(name: "caller", parameters: parameters, body: body)), at: position)
        case "import":
            let name = try parseExpression()
            recordReference(name)
            guard skipName("as") else { throw error("expected 'as' after the template name in 'import', found \(current.quoted)") }
            let alias = try expectName("after 'as'")
            let withContext = try parseContextModifier(default: false)
            try expectBlockEnd(tag)
            return Node(.importAs(name, name: alias, withContext: withContext), at: position)
        case "from": return try parseFromImport(at: position)
        default:
            if Self.unsupportedTags.contains(tag) { throw error("the '\(tag)' tag is outside the template subset", at: position) }
            if let opener {
                throw error("unexpected '\(tag)', expected \(Self.list(endTags)) to close '\(opener.tag)' at \(opener.position.line):\(opener.position.column)", at: position)
            }
            throw error("unknown tag '\(tag)'" + Suggestion.phrase(for: tag, in: Self.tags), at: position)
        }
    }

    mutating func recordReference(_ name: Expr) {
        if case .literal(.string(let literal)) = name.kind { references.append((literal, name.position)) }
    }

    mutating func parseContextModifier(default value: Bool) throws(TemplateError) -> Bool {
        guard current.isName("with") || current.isName("without") else { return value }
        let with = advance().isName("with")
        guard skipName("context") else { throw error("expected 'context' after '\(with ? "with" : "without")', found \(current.quoted)") }
        return with
    }

    mutating func parseIf(at position: Position) throws(TemplateError) -> Node {
        var branches: [(test: Expr, body: [Node])] = []
        var test = try parseTuple(conditional: false)
        var otherwise: [Node] = []
        while true {
            try expectBlockEnd("if")
            let (body, end) = try parseBody(until: ["elif", "else", "endif"], opener: ("if", position))
            branches.append((test, body))
            if end == "elif" { test = try parseTuple(conditional: false); continue }
            if end == "else" {
                try expectBlockEnd("else")
                (otherwise, _) = try parseBody(until: ["endif"], opener: ("if", position))
            }
            try expectBlockEnd("endif")
            return Node(.conditional(branches, otherwise: otherwise), at: position)
        }
    }

    /// One name or a comma-separated tuple of names (optionally in parentheses).
    mutating func parseTargets(_ context: String) throws(TemplateError) -> [String] {
        let parenthesized = current.isOp("(")
        if parenthesized { _ = advance() }
        var names = [try expectName(context)]
        while current.isOp(",") {
            _ = advance()
            if current.name == nil { break }
            names.append(try expectName(context))
        }
        if parenthesized { try expectOp(")", "to close the names") }
        return names
    }

    mutating func parseFor(at position: Position) throws(TemplateError) -> Node {
        let targets = try parseTargets("after 'for'")
        guard skipName("in") else { throw error("expected 'in' after the loop variable, found \(current.quoted)") }
        let iterable = try parseTuple(conditional: false, stopAtIf: true)
        let filter: Expr? = skipName("if") ? try parseExpression() : nil
        if current.isName("recursive") { throw error("recursive loops are outside the template subset") }
        try expectBlockEnd("for")
        let (body, end) = try parseBody(until: ["endfor", "else"], opener: ("for", position))
        var otherwise: [Node] = []
        if end == "else" {
            try expectBlockEnd("else")
            (otherwise, _) = try parseBody(until: ["endfor"], opener: ("for", position))
        }
        try expectBlockEnd("endfor")
        return Node(.loop(Loop(targets: targets, iterable: iterable, filter: filter, body: body, otherwise: otherwise)), at: position)
    }

    mutating func parseSet(at position: Position) throws(TemplateError) -> Node {
        let targets = try parseTargets("after 'set'")
        if current.isOp("=") {
            _ = advance()
            let value = try parseTuple()
            try expectBlockEnd("set")
            return Node(.set(targets: targets, value), at: position)
        }
        guard targets.count == 1, let target = targets.first else { throw error("expected '=' after the names in 'set', found \(current.quoted)") }
        guard current.kind == .blockEnd else { throw error("expected '=' or '%}' after 'set \(target)', found \(current.quoted)") }
        _ = advance()
        let (body, _) = try parseBody(until: ["endset"], opener: ("set", position))
        try expectBlockEnd("endset")
        return Node(.setBlock(target, body: body), at: position)
    }
}
