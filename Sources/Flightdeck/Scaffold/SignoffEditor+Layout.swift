internal import Yams

/// Where the editor puts text: the places of the list and its entries, and the lines it writes.
extension SignoffEditor {
    /// Adds a line for the new entry after the last line of the last entry of a block list, in that
    /// entry's style: the same text before it (`- `, `  - `), block or `{ }` entry, keys at the same column.
    func appendBlock(_ fields: [Field], to sequence: Node.Sequence, in edited: inout YAMLText) throws(DiagnosticError) {
        guard let item = sequence.last else { return }
        let start = try offset(of: item)
        var (first, last) = try blockLines(of: item, in: sequence)
        let prefix = String(String.UnicodeScalarView(text.scalars[text.lines[first].start..<start]))
        let lines: [String]
        if try isFlow(item) {
            guard let (close, _) = text.flowEnd(from: start) else { throw refusal("cannot find the end of the last entry", at: item) }
            last = max(last, text.lineIndex(of: close))
            lines = [prefix + Self.flow(fields)]
        } else {
            lines = Self.block(fields, prefix: prefix, indent: start - text.lines[first].start)
        }
        let at = text.lines[last].contentEnd
        edited.replace(at..<at, with: text.lineBreak + lines.joined(separator: text.lineBreak))
    }

    /// Adds the new entry before the `]` of a flow list: on the same line when the list ends on the line of
    /// its last entry, else on a line of its own (`, { … }` when the last entry has no trailing comma).
    func appendFlow(_ fields: [Field], to sequence: Node.Sequence, in edited: inout YAMLText) throws(DiagnosticError) {
        guard let listNode = list, let item = sequence.last else { return }
        guard let (close, last) = text.flowEnd(from: try offset(of: listNode)) else { throw refusal("cannot find the end of the list", at: listNode) }
        let comma = text.scalars[last] == ","
        let anchor = text.lineIndex(of: last)
        if anchor == text.lineIndex(of: close) {
            edited.replace(last + 1..<last + 1, with: (comma ? " " : ", ") + Self.flow(fields) + (comma ? "," : ""))
        } else {
            let itemStart = try offset(of: item)
            let column = itemStart - text.lines[text.lineIndex(of: itemStart)].start
            let line = comma ? String(repeating: " ", count: column) + Self.flow(fields) + ","
                : String(repeating: " ", count: max(0, column - 2)) + ", " + Self.flow(fields)
            let at = text.lines[anchor].contentEnd
            edited.replace(at..<at, with: text.lineBreak + line)
        }
    }

    /// Starts a block list: after `signoffs:` (dropping a `[]`, `~` or `null` after it), or, with no such key,
    /// as a new key at the end of the file. Entries are indented two columns past the key.
    func startList(with fields: [Field], in edited: inout YAMLText) throws(DiagnosticError) {
        guard let key else {
            let lines = ["signoffs:"] + Self.block(fields, prefix: "  - ", indent: 4)
            let end = text.scalars.count
            let lastLine = text.lines[text.lines.count - 1]
            if end == 0 || lastLine.hasBreak {
                edited.replace(end..<end, with: lines.joined(separator: text.lineBreak) + text.lineBreak)
            } else {
                edited.replace(end..<end, with: text.lineBreak + lines.joined(separator: text.lineBreak))
            }
            return
        }
        let keyStart = try offset(of: key)
        let keyLine = text.lineIndex(of: keyStart)
        let column = keyStart - text.lines[keyLine].start
        var removal: Range<Int>?
        var anchor = keyLine
        if let list, case .scalar(let scalar) = list, !scalar.string.isEmpty {
            let start = try offset(of: list)
            removal = start..<start + scalar.string.unicodeScalars.count
        } else if let list, list.sequence != nil {
            let start = try offset(of: list)
            guard let (close, _) = text.flowEnd(from: start) else { throw refusal("cannot find the end of the list", at: list) }
            removal = start..<close + 1
            anchor = text.lineIndex(of: close)
        }
        let lines = Self.block(fields, prefix: String(repeating: " ", count: column + 2) + "- ", indent: column + 4)
        let at = text.lines[anchor].contentEnd
        edited.replace(at..<at, with: text.lineBreak + lines.joined(separator: text.lineBreak))
        if var removal {
            while removal.lowerBound > 0, [" ", "\t"].contains(text.scalars[removal.lowerBound - 1]) {
                removal = removal.lowerBound - 1..<removal.upperBound
            }
            edited.replace(removal, with: "")
        }
    }

    /// The first and last line of a block list's entry: from its dash to its last line that is not blank
    /// or a comment before the next line indented no more than the dash.
    func blockLines(of item: Node, in sequence: Node.Sequence) throws(DiagnosticError) -> (first: Int, last: Int) {
        let start = try offset(of: item)
        let first = text.lineIndex(of: start)
        var dash = start - 1
        while dash >= text.lines[first].start, text.scalars[dash] == " " { dash -= 1 }
        let lineStart = text.lines[first].start
        guard dash >= lineStart, text.scalars[dash] == "-", text.scalars[lineStart..<dash].allSatisfy({ $0 == " " }) else {
            throw refusal("the entry does not start its line with '- '", at: item)
        }
        let dashColumn = dash - lineStart
        var last = first
        for line in first + 1..<text.lines.count where !text.isBlankOrComment(line: line) {
            if text.indent(ofLine: line) <= dashColumn { break }
            last = line
        }
        return (first, last)
    }

    /// `{ key: value, … }` on one line.
    static func flow(_ fields: [Field]) -> String {
        "{ " + fields.map { "\(YAMLScalar.write($0.key)): \(YAMLScalar.write($0.value))" }.joined(separator: ", ") + " }"
    }

    /// One line per field, the first after `prefix`, the others indented to `indent` columns.
    static func block(_ fields: [Field], prefix: String, indent: Int) -> [String] {
        fields.enumerated().map { index, field in
            (index == 0 ? prefix : String(repeating: " ", count: indent)) + "\(YAMLScalar.write(field.key)): \(YAMLScalar.write(field.value))"
        }
    }

    /// True if the collection is written in flow style (`[ ]`, `{ }`). Read from the text: Yams 6 takes
    /// a collection's style from its end event, which carries none.
    func isFlow(_ node: Node) throws(DiagnosticError) -> Bool {
        let start = try offset(of: node)
        return start < text.scalars.count && (text.scalars[start] == "[" || text.scalars[start] == "{")
    }

    /// The text offset of a node's start.
    func offset(of node: Node) throws(DiagnosticError) -> Int {
        guard let mark = node.mark, let offset = text.offset(line: mark.line, column: mark.column) else {
            throw DiagnosticError(.error("cannot edit: YAML gave no place for a node", at: .file(path)))
        }
        return offset
    }

    func location(_ node: Node) -> SourceLocation {
        node.mark.map { SourceLocation(file: path, line: $0.line, column: $0.column) } ?? .file(path)
    }

    func refusal(_ reason: String, at node: Node) -> DiagnosticError {
        DiagnosticError(.error("cannot edit the file in place: \(reason); nothing was written", at: location(node)))
    }
}
