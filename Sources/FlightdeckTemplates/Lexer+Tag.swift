/// Tokens inside `{{ }}` and `{% %}`: names, numbers, strings and operators.
extension Lexer {
    private static let operators = ["//", "**", "==", "!=", ">=", "<=",
                                     "+", "-", "/", "*", "%", "~", "[", "]", "(", ")", "{", "}",
                                     ">", "<", "=", ".", ":", "|", ",", ";"]

    /// Lexes up to and including the closing `}}` or `%}`; the closer only counts outside brackets.
    mutating func lexInsideTag(isBlock: Bool, start: Int) throws(TemplateError) {
        var brackets: [(Unicode.Scalar, Int)] = []
        while true {
            guard index < source.count else {
                throw error("unexpected end of template, expected '\(isBlock ? "%}" : "}}")' to close the tag", at: start)
            }
            if brackets.isEmpty, let after = closer(isBlock: isBlock) {
                tokens.append(Token(kind: isBlock ? .blockEnd : .variableEnd, position: position(index)))
                index = after
                return
            }
            let c = source[index]
            if isPythonSpace(c) { index += 1; continue }
            let here = position(index)
            if c.properties.numericType == .decimal && c.isASCII {
                tokens.append(Token(kind: try lexNumber(), position: here))
            } else if c == "_" || c.properties.isXIDStart {
                let begin = index
                index += 1
                while index < source.count, source[index].properties.isXIDContinue { index += 1 }
                tokens.append(Token(kind: .name(text(begin, index)), position: here))
            } else if c == "'" || c == "\"" {
                tokens.append(Token(kind: .string(try lexString(quote: c)), position: here))
            } else if let op = Self.operators.first(where: { matches($0, at: index) }) {
                switch op {
                case "(", "[", "{": brackets.append((c, index))
                case ")", "]", "}":
                    let expected: Unicode.Scalar = c == ")" ? "(" : c == "]" ? "[" : "{"
                    guard let (open, _) = brackets.popLast() else { throw error("unexpected '\(c)'", at: index) }
                    guard open == expected else {
                        let close = open == "(" ? ")" : open == "[" ? "]" : "}"
                        throw error("unexpected '\(c)', expected '\(close)'", at: index)
                    }
                default: break
                }
                tokens.append(Token(kind: .op(op), position: here))
                index += op.unicodeScalars.count
            } else {
                throw error("unexpected character '\(c)' in a tag", at: index)
            }
        }
    }

    /// The offset after the tag's closer if one starts here (`-}}` and `-%}` also eat the whitespace after).
    private func closer(isBlock: Bool) -> Int? {
        let symbol = isBlock ? "%}" : "}}"
        if matches("-" + symbol, at: index) { return skipSpace(from: index + 3) }
        if isBlock && matches("+%}", at: index) { return index + 3 }
        if matches(symbol, at: index) { return index + 2 }
        return nil
    }

    private func text(_ from: Int, _ to: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: source[from..<to])
        return String(view)
    }

    private func isDigit(_ offset: Int) -> Bool {
        offset < source.count && source[offset].isASCII && source[offset].properties.numericType == .decimal
    }

    /// Digits with single underscores between them (`1_000`), from `index`.
    private mutating func digitRun() -> String {
        var digits = ""
        while index < source.count {
            if isDigit(index) { digits.unicodeScalars.append(source[index]); index += 1 }
            else if source[index] == "_" && isDigit(index + 1) && !digits.isEmpty { index += 1 }
            else { break }
        }
        return digits
    }

    private mutating func lexNumber() throws(TemplateError) -> Token.Kind {
        let begin = index
        let afterDot = begin > 0 && source[begin - 1] == "."
        if source[index] == "0", index + 1 < source.count, "xXoObB".unicodeScalars.contains(source[index + 1]) {
            let radix = source[index + 1] == "x" || source[index + 1] == "X" ? 16 : source[index + 1] == "o" || source[index + 1] == "O" ? 8 : 2
            index += 2
            var digits = ""
            while index < source.count, source[index] == "_" || Int(String(source[index]), radix: radix) != nil {
                if source[index] != "_" { digits.unicodeScalars.append(source[index]) }
                index += 1
            }
            guard let value = Int(digits, radix: radix) else { throw error("invalid integer literal '\(text(begin, index))'", at: begin) }
            return .integer(value)
        }
        if source[index] == "0" && !afterDot {
            // Jinja2's integer rule takes a lone zero (or zeros), so `012` is two integers.
            var probe = index
            while probe < source.count, source[probe] == "0" || (source[probe] == "_" && probe + 1 < source.count && source[probe + 1] == "0") { probe += 1 }
            let isFloat = probe < source.count && (source[probe] == "." && isDigit(probe + 1) || source[probe] == "e" || source[probe] == "E")
            if !isFloat && !isDigit(probe) { index = probe; return .integer(0) }
        }
        var literal = digitRun()
        if !afterDot {
            var isFloat = false
            if index < source.count, source[index] == ".", isDigit(index + 1) {
                index += 1
                literal += "." + digitRun()
                isFloat = true
            }
            if index < source.count, source[index] == "e" || source[index] == "E" {
                var probe = index + 1
                if probe < source.count, source[probe] == "+" || source[probe] == "-" { probe += 1 }
                if isDigit(probe) {
                    let sign = source[probe - 1] == "-" ? "-" : ""
                    index = probe
                    literal += "e" + sign + digitRun()
                    isFloat = true
                }
            }
            if isFloat { return .float(Double(literal) ?? 0) }
        }
        guard let value = Int(literal) else { throw error("integer literal '\(literal)' is too large", at: begin) }
        return .integer(value)
    }

    /// A quoted string with Python's escapes (`\n`, `\t`, `\\`, `\'`, `\"`, `\xhh`, `\uhhhh`, ...).
    private mutating func lexString(quote: Unicode.Scalar) throws(TemplateError) -> String {
        let begin = index
        index += 1
        var out = String.UnicodeScalarView()
        while index < source.count, source[index] != quote {
            let c = source[index]
            index += 1
            guard c == "\\", index < source.count else { out.append(c); continue }
            let e = source[index]
            index += 1
            switch e {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "\\", "'", "\"": out.append(e)
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "v": out.append("\u{0B}")
            case "\n": break
            case "x", "u", "U":
                let width = e == "x" ? 2 : e == "u" ? 4 : 8
                let hex = index + width <= source.count ? text(index, index + width) : ""
                guard hex.count == width, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                    throw error("invalid \\\(e) escape in a string literal", at: index - 2)
                }
                out.append(scalar)
                index += width
            case "0"..."7":
                var code = e.value - 48
                var count = 1
                while count < 3, index < source.count, ("0"..."7").contains(source[index]) {
                    code = code * 8 + source[index].value - 48
                    index += 1
                    count += 1
                }
                out.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: out.append("\\"); out.append(e)
            }
        }
        guard index < source.count else { throw error("unterminated string literal", at: begin) }
        index += 1
        return String(out)
    }
}
