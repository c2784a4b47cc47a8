import CCmark
import Foundation

/// A Markdown document parsed by libcmark; owns the C tree and frees it on deinit.
///
/// Not Sendable: create, transform and render it within one task.
final class CmarkDocument {
    /// The root node of the cmark tree.
    let root: OpaquePointer
    private let options: Int32

    /// Parses CommonMark. Raw HTML is dropped (cmark's safe default) unless `unsafeHTML` is set.
    init?(markdown: String, unsafeHTML: Bool) {
        var options = CMARK_OPT_VALIDATE_UTF8
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        self.options = options
        let length = markdown.utf8.count
        guard let root = markdown.withCString({ cmark_parse_document($0, length, options) }) else { return nil }
        self.root = root
    }

    deinit { cmark_node_free(root) }

    /// The document as HTML.
    func html() -> String {
        guard let buffer = cmark_render_html(root, options) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// Calls `visit` for each node as it is entered, in document order.
    func forEachNode(_ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
            event = cmark_iter_next(iterator)
        }
    }
}

/// Small readers over cmark nodes.
enum CmarkNode {
    /// The node's type.
    static func type(_ node: OpaquePointer) -> cmark_node_type { cmark_node_get_type(node) }

    /// A text-bearing node's literal, or "".
    static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// The plain text of a node and its descendants (soft breaks as spaces).
    static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        if child == nil { return literal(node) }
        while let current = child {
            switch type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += literal(current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            case CMARK_NODE_HTML_INLINE: break
            default: text += plainText(current)
            }
            child = cmark_node_next(current)
        }
        return text
    }
}
