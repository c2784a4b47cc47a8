/// Splits a template into tokens with Jinja2's rules: `{{ }}`, `{% %}`, `{# #}`, `raw`, and `-` whitespace control.
struct Lexer {
    let file: String
    var source: [Unicode.Scalar]
    var index = 0
    var tokens: [Token] = []
    private var lineStarts: [Int] = [0]

    init(_ text: String, file: String) {
        self.file = file
        // Jinja2 turns \r\n and \r into \n and drops one trailing newline (keep_trailing_newline=False).
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        var previousCR = false
        for c in text.unicodeScalars {
            if c == "\n" && previousCR { previousCR = false; continue }
            previousCR = c == "\r"
            scalars.append(previousCR ? "\n" : c)
        }
        if scalars.last == "\n" { scalars.removeLast() }
        for (i, c) in scalars.enumerated() where c == "\n" { lineStarts.append(i + 1) }
        self.source = scalars
    }

    /// The line and column of a scalar offset.
    func position(_ offset: Int) -> Position {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return Position(line: Int32(low + 1), column: Int32(offset - lineStarts[low] + 1))
    }

    func error(_ message: String, at offset: Int) -> TemplateError {
        TemplateError(message, at: position(offset), in: file)
    }

    /// True if `word` starts at `offset`.
    func matches(_ word: String, at offset: Int) -> Bool {
        var i = offset
        for c in word.unicodeScalars {
            guard i < source.count, source[i] == c else { return false }
            i += 1
        }
        return true
    }

    func skipSpace(from offset: Int) -> Int {
        var i = offset
        while i < source.count, isPythonSpace(source[i]) { i += 1 }
        return i
    }

    /// All tokens, ending with `.end`.
    mutating func tokenize() throws(TemplateError) -> [Token] {
        while index < source.count {
            guard let start = nextTagStart(from: index) else {
                emitText(index, source.count, strip: false)
                index = source.count
                break
            }
            let opener = source[start + 1]
            let signOffset = start + 2
            let sign: Unicode.Scalar? = signOffset < source.count && (source[signOffset] == "-" || source[signOffset] == "+") ? source[signOffset] : nil
            let body = sign == nil ? signOffset : signOffset + 1
            emitText(index, start, strip: sign == "-")
            switch opener {
            case "#": try lexComment(start: start, body: body)
            case "%" where rawEnd(after: body) != nil: try lexRaw(start: start, afterTag: rawEnd(after: body) ?? body)
            default:
                let isBlock = opener == "%"
                tokens.append(Token(kind: isBlock ? .blockBegin : .variableBegin, position: position(start)))
                index = body
                try lexInsideTag(isBlock: isBlock, start: start)
            }
        }
        tokens.append(Token(kind: .end, position: position(source.count)))
        return tokens
    }

    private func nextTagStart(from offset: Int) -> Int? {
        var i = offset
        while i + 1 < source.count {
            if source[i] == "{" {
                let next = source[i + 1]
                if next == "{" || next == "%" || next == "#" { return i }
            }
            i += 1
        }
        return nil
    }

    private mutating func emitText(_ from: Int, _ to: Int, strip: Bool) {
        var end = to
        if strip { while end > from, isPythonSpace(source[end - 1]) { end -= 1 } }
        guard end > from else { return }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: source[from..<end])
        tokens.append(Token(kind: .text(String(text)), position: position(from)))
    }

    /// `{# ... #}`: ends at the first `#}`; `-#}` strips the whitespace after it.
    private mutating func lexComment(start: Int, body: Int) throws(TemplateError) {
        var i = body
        while i + 1 < source.count, !(source[i] == "#" && source[i + 1] == "}") { i += 1 }
        guard i + 1 < source.count else { throw error("missing end of comment tag '#}'", at: start) }
        index = i + 2
        if i > body, source[i - 1] == "-" { index = skipSpace(from: index) }
    }

    /// The offset after `raw %}` (or `raw -%}` plus whitespace) when the block tag at `body` is `raw`.
    private func rawEnd(after body: Int) -> Int? {
        var i = skipSpace(from: body)
        guard matches("raw", at: i) else { return nil }
        i = skipSpace(from: i + 3)
        if matches("-%}", at: i) { return skipSpace(from: i + 3) }
        if matches("%}", at: i) { return i + 2 }
        return nil
    }

    /// The text of `{% raw %}...{% endraw %}`, untouched except for whitespace control.
    private mutating func lexRaw(start: Int, afterTag: Int) throws(TemplateError) {
        var i = afterTag
        while i + 1 < source.count {
            if source[i] == "{" && source[i + 1] == "%" {
                var j = i + 2
                let strip = j < source.count && source[j] == "-"
                if j < source.count && (source[j] == "-" || source[j] == "+") { j += 1 }
                j = skipSpace(from: j)
                if matches("endraw", at: j) {
                    j = skipSpace(from: j + 6)
                    var end: Int?
                    if matches("-%}", at: j) { end = skipSpace(from: j + 3) }
                    else if matches("+%}", at: j) { end = j + 3 }
                    else if matches("%}", at: j) { end = j + 2 }
                    if let end {
                        emitText(afterTag, i, strip: strip)
                        index = end
                        return
                    }
                }
            }
            i += 1
        }
        throw error("missing end of raw directive: expected '{% endraw %}'", at: start)
    }
}
