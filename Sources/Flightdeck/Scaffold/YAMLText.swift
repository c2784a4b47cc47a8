/// YAML source as Unicode scalars cut into lines the way libyaml (and so Yams' marks) counts them, with
/// the scalar writer and the flow-collection scanner the sign-off editor needs.
struct YAMLText {
    /// One line: `start..<contentEnd` is its text, `contentEnd..<end` its line break (empty on a last line without one).
    struct Line {
        let start, contentEnd, end: Int
        var hasBreak: Bool { end > contentEnd }
    }

    /// The whole text.
    var scalars: [Unicode.Scalar]
    /// Its lines; a text ending in a line break has no empty line after it.
    let lines: [Line]
    /// The break to use for new lines: the file's first one, else LF.
    let lineBreak: String

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var lines: [Line] = []
        var start = 0, index = 0
        var firstBreak: String?
        while index < scalars.count {
            let scalar = scalars[index]
            guard Self.isBreak(scalar) else { index += 1; continue }
            let width = scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" ? 2 : 1
            if firstBreak == nil { firstBreak = String(String.UnicodeScalarView(scalars[index..<index + width])) }
            lines.append(Line(start: start, contentEnd: index, end: index + width))
            index += width
            start = index
        }
        if start < scalars.count || lines.isEmpty { lines.append(Line(start: start, contentEnd: scalars.count, end: scalars.count)) }
        self.lines = lines
        // NEL, LS and PS break lines for libyaml but are no style to copy.
        lineBreak = firstBreak == "\r\n" || firstBreak == "\r" ? firstBreak ?? "\n" : "\n"
    }

    /// The line breaks libyaml knows: CR, LF, CRLF, NEL, LS and PS.
    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// The offset of a 1-based line and column (in scalars), as Yams' marks give them.
    func offset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= lines.count else { return nil }
        let offset = lines[line - 1].start + column - 1
        return offset <= lines[line - 1].contentEnd ? offset : nil
    }

    /// The 0-based index of the line holding `offset`.
    func lineIndex(of offset: Int) -> Int {
        var low = 0, high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines[middle].start <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The number of spaces a line starts with.
    func indent(ofLine index: Int) -> Int {
        let line = lines[index]
        var offset = line.start
        while offset < line.contentEnd, scalars[offset] == " " { offset += 1 }
        return offset - line.start
    }

    /// True if the line holds nothing but blanks and perhaps a comment.
    func isBlankOrComment(line index: Int) -> Bool {
        let line = lines[index]
        for offset in line.start..<line.contentEnd where scalars[offset] != " " && scalars[offset] != "\t" {
            return scalars[offset] == "#"
        }
        return true
    }

    /// The text as a String.
    var string: String { String(String.UnicodeScalarView(scalars)) }

    /// Replaces `range` by `text`.
    mutating func replace(_ range: Range<Int>, with text: String) {
        scalars.replaceSubrange(range, with: Array(text.unicodeScalars))
    }
}

extension YAMLText {
    /// Where a flow collection (`[` or `{` at `open`) closes, and the last significant scalar before the
    /// close (the opening bracket itself when the collection is empty). Quotes and comments are skipped.
    func flowEnd(from open: Int) -> (close: Int, lastSignificant: Int)? {
        var depth = 0, index = open, last = open
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "[", "{":
                depth += 1
            case "]", "}":
                depth -= 1
                if depth == 0 { return (index, last) }
            case "\"", "'":
                guard let end = quoteEnd(from: index) else { return nil }
                index = end
            case "#" where index == 0 || [" ", "\t"].contains(scalars[index - 1]) || Self.isBreak(scalars[index - 1]):
                while index + 1 < scalars.count, !Self.isBreak(scalars[index + 1]) { index += 1 }
                index += 1
                continue
            default:
                break
            }
            if scalar != " " && scalar != "\t" && !Self.isBreak(scalar) { last = index }
            index += 1
        }
        return nil
    }

    /// The closing quote of the quoted scalar opening at `open`.
    private func quoteEnd(from open: Int) -> Int? {
        let quote = scalars[open]
        var index = open + 1
        while index < scalars.count {
            if quote == "\"", scalars[index] == "\\" { index += 2; continue }
            if scalars[index] == quote {
                if quote == "'", index + 1 < scalars.count, scalars[index + 1] == "'" { index += 2; continue }
                return index
            }
            index += 1
        }
        return nil
    }
}
