/// Python's `repr` of scalars (for `%r`).
extension Value {
    func pythonRepr() throws(TemplateError) -> String {
        // Jinja2's Undefined.__repr__, which even StrictUndefined keeps.
        if isUndefined { return "Undefined" }
        guard let text else { return try pythonString() }
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where Character(scalar) == quote: out += "\\" + String(quote)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\x" + String(format2: scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + String(quote)
    }
}

extension String {
    /// Two lowercase hex digits.
    init(format2 value: UInt32) {
        let digits = String(value, radix: 16)
        self = digits.count < 2 ? "0" + digits : digits
    }
}
