/// Turns tokens into nodes, resolving filters and tests as it goes (an unknown one is an error even in a branch never taken).
struct Parser {
    /// Deepest nesting of tags or of brackets in expressions; deeper templates fail with a message, not a stack overflow.
    static let maxDepth = 128

    let file: String
    var tokens: [Token]
    var index = 0
    var depth = 0
    var blocks: [String: [Node]] = [:]
    var references: [(name: String, position: Position)] = []
    var inMacro = false

    init(tokens: [Token], file: String) {
        self.tokens = tokens
        self.file = file
    }

    /// Parses a whole template.
    static func parse(_ source: String, name: String) throws(TemplateError) -> Template {
        var lexer = Lexer(source, file: name)
        var parser = Parser(tokens: try lexer.tokenize(), file: name)
        let (nodes, _) = try parser.parseBody(until: [], opener: nil)
        return Template(name: name, nodes: nodes, blocks: parser.blocks, references: parser.references)
    }

    var current: Token { tokens[index] }

    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func error(_ message: String, at position: Position? = nil) -> TemplateError {
        TemplateError(message, at: position ?? current.position, in: file)
    }

    mutating func expectOp(_ symbol: String, _ context: String) throws(TemplateError) {
        guard current.isOp(symbol) else { throw error("expected '\(symbol)' \(context), found \(current.quoted)") }
        _ = advance()
    }

    mutating func expectName(_ context: String) throws(TemplateError) -> String {
        guard let name = current.name else { throw error("expected a name \(context), found \(current.quoted)") }
        _ = advance()
        return name
    }

    mutating func skipName(_ word: String) -> Bool {
        guard current.isName(word) else { return false }
        _ = advance()
        return true
    }

    mutating func expectBlockEnd(_ tag: String) throws(TemplateError) {
        guard current.kind == .blockEnd else { throw error("expected '%}' to end the '\(tag)' tag, found \(current.quoted)") }
        _ = advance()
    }

    mutating func enter(at position: Position) throws(TemplateError) {
        depth += 1
        if depth > Self.maxDepth { throw error("template is nested too deeply (more than \(Self.maxDepth) levels)", at: position) }
    }

    /// Nodes up to one of `endTags` (whose name is consumed and returned) or the end of the template.
    mutating func parseBody(until endTags: [String], opener: (tag: String, position: Position)?) throws(TemplateError) -> ([Node], String) {
        var nodes: [Node] = []
        while true {
            let token = advance()
            switch token.kind {
            case .text(let text):
                nodes.append(Node(.text(text), at: token.position))
            case .variableBegin:
                let expr = try parseTuple()
                guard current.kind == .variableEnd else { throw error("expected '}}' to end the expression, found \(current.quoted)") }
                _ = advance()
                nodes.append(Node(.output(expr), at: expr.position))
            case .blockBegin:
                guard let tag = current.name else { throw error("expected a tag name after '{%', found \(current.quoted)") }
                let tagPosition = current.position
                _ = advance()
                if endTags.contains(tag) { return (nodes, tag) }
                if let node = try parseStatement(tag, at: tagPosition, endTags: endTags, opener: opener) { nodes.append(node) }
            case .end:
                guard let opener else { return (nodes, "") }
                throw error("unexpected end of template, expected \(Self.list(endTags)) to close '\(opener.tag)' at \(opener.position.line):\(opener.position.column)", at: token.position)
            default:
                throw error("unexpected \(token.quoted)", at: token.position)
            }
        }
    }

    /// `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`.
    static func list(_ words: [String]) -> String {
        let quoted = words.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
    }
}
