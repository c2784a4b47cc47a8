import Foundation
import CCmark

/// GFM pipe tables, recognised in the paragraphs (and setext headings) that CommonMark makes of them.
///
/// cmark-gfm decides tables on source lines before inlines are parsed, so this does too: it takes the block's
/// lines from the source, finds a header row followed by a matching delimiter row, and renders each cell's
/// text inline with cmark. Lines before the header become a paragraph; a line that would start a list,
/// an indented code block or a thematic break ends the table and is parsed as blocks again, as in cmark-gfm.
enum TableExtension {
    /// Replaces each table-shaped block of `document` by the table's HTML.
    static func apply(to document: CmarkDocument) {
        var candidates: [OpaquePointer] = []
        document.forEachNode { node in
            let type = CmarkNode.type(node)
            if type == CMARK_NODE_PARAGRAPH || (type == CMARK_NODE_HEADING && cmark_node_get_start_line(node) < cmark_node_get_end_line(node)) {
                candidates.append(node)
            }
        }
        var references: String?
        for node in candidates {
            guard let table = Table(node, lines: document.lines) else { continue }
            if references == nil { references = document.tableReferences ?? ReferenceDefinitions.definitions(of: document.markdown, options: document.options) }
            let start = Int(cmark_node_get_start_line(node))
            let fragments = TableFragments(document: document, references: references ?? "",
                                           lines: start...max(start, Int(cmark_node_get_end_line(node))))
            guard let html = fragments.html(of: table), let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            for before in fragments.blocks(table.before) { place(before) { cmark_node_insert_before(node, $0) } }
            cmark_node_set_on_enter(block, html)
            place(block) { cmark_node_insert_before(node, $0) }
            for after in fragments.blocks(table.after) { place(after) { cmark_node_insert_before(node, $0) } }
            let (container, outside) = closedContainer(of: node, root: document.root, lines: table.outside)
            for block in fragments.blocks(outside).reversed() { place(block) { cmark_node_insert_after(container, $0) } }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
    }

    /// Inserts an unattached `block`, freeing it if cmark refuses the place (so nothing leaks).
    private static func place(_ block: OpaquePointer, _ insert: (OpaquePointer) -> Int32) {
        if insert(block) == 0 { cmark_node_free(block) }
    }

    /// Where lazy lines go: after the block quote their `>` markers no longer reach (their matched markers
    /// removed), or after the outermost container when list items are involved.
    private static func closedContainer(of node: OpaquePointer, root: OpaquePointer, lines: [String]) -> (OpaquePointer, [String]) {
        var chain: [OpaquePointer] = []  // containers from the outermost in
        var current = node
        while let parent = cmark_node_parent(current), parent != root {
            chain.insert(parent, at: 0)
            current = parent
        }
        guard let outermost = chain.first else { return (node, lines) }
        guard chain.allSatisfy({ CmarkNode.type($0) == CMARK_NODE_BLOCK_QUOTE }), let first = lines.first else { return (outermost, lines) }
        let matched = min(ContainerPrefix.quoteMarkers(first), chain.count - 1)
        return (chain[matched], lines.map { ContainerPrefix.dropQuoteMarkers($0, upTo: matched) })
    }
}
