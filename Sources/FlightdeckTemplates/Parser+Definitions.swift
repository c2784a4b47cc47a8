/// Blocks, macros and imports.
extension Parser {
    mutating func parseBlock(at position: Position) throws(TemplateError) -> Node {
        let name = try expectName("after 'block'")
        if current.isName("scoped") || current.isName("required") {
            throw error("'\(current.name ?? "")' blocks are outside the template subset")
        }
        guard blocks[name] == nil else { throw error("block '\(name)' is defined twice", at: position) }
        try expectBlockEnd("block")
        blocks[name] = []
        let (body, _) = try parseBody(until: ["endblock"], opener: ("block", position))
        if let closing = current.name {
            guard closing == name else { throw error("'endblock \(closing)' does not match 'block \(name)'") }
            _ = advance()
        }
        try expectBlockEnd("endblock")
        blocks[name] = body
        return Node(.block(name), at: position)
    }

    /// `(a, b=default, ...)` after a macro name or `call`.
    mutating func parseParameters() throws(TemplateError) -> [(name: String, defaultValue: Expr?)] {
        try expectOp("(", "to start the parameters")
        var parameters: [(name: String, defaultValue: Expr?)] = []
        while !current.isOp(")") {
            if !parameters.isEmpty { try expectOp(",", "between parameters") }
            if current.isOp(")") { break }
            let name = try expectName("for a parameter")
            if parameters.contains(where: { $0.name == name }) { throw error("parameter '\(name)' is repeated") }
            var defaultValue: Expr?
            if current.isOp("=") {
                _ = advance()
                defaultValue = try parseExpression()
            }
            parameters.append((name, defaultValue))
        }
        _ = advance()
        return parameters
    }

    mutating func parseMacro(name: String, end: String, at position: Position) throws(TemplateError) -> Macro {
        let parameters = try parseParameters()
        try expectBlockEnd("macro")
        let (body, _) = try parseBody(until: [end], opener: ("macro", position))
        try expectBlockEnd(end)
        return Macro(name: name, parameters: parameters, body: body)
    }

    mutating func parseFromImport(at position: Position) throws(TemplateError) -> Node {
        let template = try parseExpression()
        recordReference(template)
        guard skipName("import") else { throw error("expected 'import' after the template name in 'from', found \(current.quoted)") }
        var names: [(name: String, alias: String)] = []
        while true {
            if current.isName("with") || current.isName("without"), tokens[index + 1].isName("context") { break }
            guard let name = current.name else {
                if names.isEmpty || !current.isOp(",") { throw error("expected a name to import, found \(current.quoted)") }
                break
            }
            if name.hasPrefix("_") { throw error("names starting with an underscore cannot be imported") }
            _ = advance()
            let alias = skipName("as") ? try expectName("after 'as'") : name
            names.append((name, alias))
            guard current.isOp(",") else { break }
            _ = advance()
        }
        let withContext = try parseContextModifier(default: false)
        try expectBlockEnd("from")
        return Node(.importNames(template, names: names, withContext: withContext), at: position)
    }
}
