import CCmark

/// Parses the pieces of a table's block again with cmark: the cells inline, the lines around it as blocks.
///
/// Each piece is parsed with the document's options and its link reference definitions, then gets the
/// inline extensions (autolinks, strikethrough) the document got.
struct TableFragments {
    let document: CmarkDocument
    let references: String
    /// The source lines of the block the table came from, where the links `LinkFilter` refuses in it are reported.
    let lines: ClosedRange<Int>

    /// Marks the end of the fragment's own blocks, before the appended reference definitions.
    private static let sentinel = "<!--flightdeck-fragment-end-->"

    /// The blocks `lines` parse to, unattached and ready to insert.
    func blocks(_ lines: [String]) -> [OpaquePointer] {
        guard !lines.isEmpty, let fragment = parse(lines.joined(separator: "\n"), cells: false) else { return [] }
        var blocks: [OpaquePointer] = []
        while let block = cmark_node_first_child(fragment.root), !Self.isSentinel(block) {
            cmark_node_unlink(block)
            blocks.append(block)
        }
        return blocks
    }

    /// The table's HTML as cmark-gfm writes it, without the final newline; nil if cmark fails.
    func html(of table: Table) -> String? {
        let cells = [table.header] + table.rows
        // `;` keeps a cell from starting a block (`# x`, `- x`, `[a]: b`) and acts like a line start for emphasis.
        let text = cells.joined().map { ";" + $0 }.joined(separator: "\n\n")
        guard let fragment = parse(text, cells: true) else { return nil }
        var paragraphs: [OpaquePointer] = []
        var node = cmark_node_first_child(fragment.root)
        while let current = node, paragraphs.count < cells.count * table.alignments.count {
            guard CmarkNode.type(current) == CMARK_NODE_PARAGRAPH else { return nil }
            paragraphs.append(current)
            node = cmark_node_next(current)
        }
        guard paragraphs.count == cells.count * table.alignments.count else { return nil }
        var html = "<table>\n"
        for row in cells.indices {
            if row == 0 { html += "<thead>\n" } else if row == 1 { html += "<tbody>\n" }
            html += "<tr>\n"
            for column in table.alignments.indices {
                let tag = row == 0 ? "th" : "td"
                let content = fragment.html(of: paragraphs[row * table.alignments.count + column])
                html += "<\(tag)\(Self.attribute(table.alignments[column]))>\(Self.unwrap(content))</\(tag)>\n"
            }
            html += "</tr>\n"
            if row == 0 { html += "</thead>\n" }
        }
        if cells.count > 1 { html += "</tbody>\n" }
        return html + "</table>"
    }

    /// Parses `text` with the document's options, references and inline extensions; strips the cells' `;`.
    private func parse(_ text: String, cells: Bool) -> CmarkDocument? {
        let source = references.isEmpty || !text.contains("[") ? text : text + "\n\n" + Self.sentinel + "\n\n" + references
        guard let fragment = CmarkDocument(markdown: source, options: document.options) else { return nil }
        var child = cmark_node_first_child(fragment.root)
        while let paragraph = child, !Self.isSentinel(paragraph) {
            child = cmark_node_next(paragraph)
            guard cells, CmarkNode.type(paragraph) == CMARK_NODE_PARAGRAPH, let first = cmark_node_first_child(paragraph),
                  CmarkNode.type(first) == CMARK_NODE_TEXT else { continue }
            let rest = String(CmarkNode.literal(first).dropFirst())
            if rest.isEmpty {
                cmark_node_unlink(first)
                cmark_node_free(first)
            } else {
                cmark_node_set_literal(first, rest)
            }
        }
        MarkdownExtensions.applyInline(to: fragment)
        // The fragment's own positions mean nothing in the document: its links are looked for in the block's lines.
        document.refusedLinks += LinkFilter.apply(to: fragment).map { refused in
            var moved = refused
            (moved.line, moved.lastLine, moved.column) = (lines.lowerBound, lines.upperBound, 0)
            return moved
        }
        return fragment
    }

    private static func isSentinel(_ node: OpaquePointer) -> Bool {
        CmarkNode.type(node) == CMARK_NODE_HTML_BLOCK && CmarkNode.literal(node).hasPrefix(sentinel)
    }

    private static func attribute(_ alignment: TableRow.Alignment) -> String {
        switch alignment {
        case .none: ""
        case .left: #" class="align-left""#
        case .center: #" class="align-center""#
        case .right: #" class="align-right""#
        }
    }

    /// `<p>…</p>\n` → `…`.
    private static func unwrap(_ html: String) -> Substring {
        var inner = Substring(html)
        if inner.hasPrefix("<p>") { inner = inner.dropFirst(3) }
        if inner.hasSuffix("</p>\n") { inner = inner.dropLast(5) }
        return inner
    }
}
