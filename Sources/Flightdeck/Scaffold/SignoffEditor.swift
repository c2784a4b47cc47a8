internal import Yams

/// Edits the `signoffs:` list of a signoffs.yaml text in place: adds or replaces one entry and changes
/// nothing else — other entries, keys, comments, blank lines, line breaks (CRLF stays CRLF), a missing
/// final line break, and the list's style (block or flow, column 0 or indented, block or flow entries).
///
/// Every edit is checked before it is returned: the result must parse to the original document with
/// just that entry added or replaced, else the edit is refused and the caller writes nothing.
///
/// ```swift
/// let editor = try SignoffEditor(text, path: "content/releases/2.4/signoffs.yaml")
/// let fields: [SignoffEditor.Field] = [("role", "qa"), ("approver", "Samir"), ("decision", "approved")]
/// let updated = try editor.index(ofRole: "qa").map { try editor.replacing(entryAt: $0, with: fields) }
///     ?? editor.adding(fields)
/// ```
package struct SignoffEditor {
    /// One key and value of an entry, in the order they are written. Any key may appear (a later
    /// `digest`, say); values are written so that they read back exactly.
    package typealias Field = (key: String, value: String)

    let text: YAMLText
    let path: String
    /// The parsed document (nil for an empty one).
    let root: Node?
    /// The `signoffs` key, and its value when there is one.
    let key: Node?
    let list: Node?

    /// Parses `source`; a text YAML cannot read, or whose `signoffs` is not a list, is refused.
    package init(_ source: String, path: String) throws(DiagnosticError) {
        self.path = path
        text = YAMLText(source)
        do {
            root = try Yams.compose(yaml: source)
        } catch {
            throw DiagnosticError(.error("cannot edit: the file is not valid YAML (\(error))", at: .file(path)))
        }
        guard let root else { key = nil; list = nil; return }
        guard case .mapping(let mapping) = root else {
            throw DiagnosticError(.error("cannot edit: the file must be a mapping with 'required' and 'signoffs'", at: .file(path)))
        }
        let pair = mapping.first { $0.key.string == "signoffs" }
        key = pair?.key
        list = pair?.value
        if let list, list.sequence == nil, list.null == nil {
            throw DiagnosticError(.error("cannot edit: 'signoffs' must be a list", at: location(list)))
        }
    }

    /// The entries' role values, in file order (nil for an entry without a role).
    package var roles: [String?] {
        (list?.sequence ?? []).map { $0.mapping?["role"]?.string }
    }

    /// The position of `role`'s entry, if it has one.
    package func index(ofRole role: String) -> Int? {
        roles.firstIndex(of: role)
    }

    /// The text with an entry holding `fields` added at the end of the list.
    package func adding(_ fields: [Field]) throws(DiagnosticError) -> String {
        var edited = text
        if let list, case .sequence(let sequence) = list, !sequence.isEmpty {
            try isFlow(list) ? appendFlow(fields, to: sequence, in: &edited) : appendBlock(fields, to: sequence, in: &edited)
        } else {
            try startList(with: fields, in: &edited)
        }
        let items: [Node?] = (list?.sequence.map { Array($0) } ?? []) + [nil]
        return try checked(edited, expecting: items, with: fields)
    }

    /// The text with the entry at `index` changed to hold `fields`; only that entry's text changes.
    package func replacing(entryAt index: Int, with fields: [Field]) throws(DiagnosticError) -> String {
        guard let sequence = list?.sequence, sequence.indices.contains(index) else {
            throw DiagnosticError(.error("cannot edit: no sign-off number \(index + 1)", at: .file(path)))
        }
        var edited = text
        let item = sequence[index]
        let start = try offset(of: item)
        if try isFlow(item) {
            guard let (close, _) = text.flowEnd(from: start) else { throw refusal("cannot find the end of the entry", at: item) }
            edited.replace(start..<close + 1, with: Self.flow(fields))
        } else {
            let (first, last) = try blockLines(of: item, in: sequence)
            let prefix = String(String.UnicodeScalarView(text.scalars[text.lines[first].start..<start]))
            let lines = Self.block(fields, prefix: prefix, indent: start - text.lines[first].start)
            edited.replace(text.lines[first].start..<text.lines[last].contentEnd, with: lines.joined(separator: text.lineBreak))
        }
        var items: [Node?] = Array(sequence)
        items[index] = nil
        return try checked(edited, expecting: items, with: fields)
    }
}
