/// One token of a template: text between tags, tag delimiters, or a piece of an expression.
struct Token: Sendable {
    /// What the token is.
    enum Kind: Sendable, Equatable {
        case text(String)
        case variableBegin, variableEnd, blockBegin, blockEnd
        case name(String)
        case string(String)
        case integer(Int)
        case float(Double)
        case op(String)
        case end
    }

    var kind: Kind
    var position: Position

    /// How the token reads in messages: `'endfor'`, `'}}'`, `end of template`.
    var quoted: String {
        switch kind {
        case .text: "text"
        case .variableBegin: "'{{'"
        case .variableEnd: "'}}'"
        case .blockBegin: "'{%'"
        case .blockEnd: "'%}'"
        case .name(let n): "'\(n)'"
        case .string(let s): "string '\(s)'"
        case .integer(let i): "integer \(i)"
        case .float(let d): "float \(PythonFloat.repr(d))"
        case .op(let o): "'\(o)'"
        case .end: "end of template"
        }
    }

    /// True for the operator `symbol`.
    func isOp(_ symbol: String) -> Bool {
        if case .op(let o) = kind { return o == symbol }
        return false
    }

    /// True for the name `word` (keywords are names in Jinja).
    func isName(_ word: String) -> Bool {
        if case .name(let n) = kind { return n == word }
        return false
    }

    /// The name, if the token is one.
    var name: String? {
        if case .name(let n) = kind { return n }
        return nil
    }
}

/// Python's `str.isspace` (and regex `\s`) for one scalar.
@inline(__always)
func isPythonSpace(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
}
