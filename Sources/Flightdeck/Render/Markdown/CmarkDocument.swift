import CCmark
import Foundation

/// A Markdown document parsed by libcmark; owns the C tree and frees it on deinit.
///
/// Not Sendable: create, transform and render it within one task.
final class CmarkDocument {
    /// The root node of the cmark tree.
    let root: OpaquePointer
    /// The Markdown the tree was parsed from.
    let markdown: String
    /// The parse and render options (`CMARK_OPT_*`).
    let options: Int32
    /// The source as lines, for the table extension.
    private(set) lazy var lines = SourceLines(markdown)
    /// Which tildes were escaped, for strikethrough.
    private(set) lazy var escapedTildes = EscapedTildes(markdown)
    /// The links and images `LinkFilter` took out, this document's and its table fragments'.
    var refusedLinks: [LinkFilter.Refused] = []
    /// The reference definitions table cells are parsed with, when this is a piece of a longer document
    /// (`MarkdownPieces`): those of the whole document that the piece may use. Else they are found, as libcmark
    /// reads them, when a table is (`ReferenceDefinitions.definitions(of:options:)`).
    var tableReferences: String?

    /// Parses CommonMark. Raw HTML is dropped (cmark's safe default) unless `unsafeHTML` is set.
    convenience init?(markdown: String, unsafeHTML: Bool) {
        self.init(markdown: markdown, options: Self.options(unsafeHTML: unsafeHTML))
    }

    /// The options Flightdeck parses with: UTF-8 checked, raw HTML dropped unless `unsafeHTML` is set.
    static func options(unsafeHTML: Bool) -> Int32 {
        CMARK_OPT_VALIDATE_UTF8 | (unsafeHTML ? CMARK_OPT_UNSAFE : 0)
    }

    /// Parses CommonMark with the given `CMARK_OPT_*` options.
    init?(markdown: String, options: Int32) {
        self.options = options
        self.markdown = markdown
        let length = markdown.utf8.count
        guard let root = markdown.withCString({ cmark_parse_document($0, length, options) }) else { return nil }
        self.root = root
    }

    deinit { cmark_node_free(root) }

    /// The document (or one of its nodes) as HTML.
    func html(of node: OpaquePointer? = nil) -> String {
        guard let buffer = cmark_render_html(node ?? root, options) else { return "" }
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

    /// Whether a text-bearing node's literal contains `needle` (a C-string search, no Swift string made).
    static func literalContains(_ node: OpaquePointer, _ needle: String) -> Bool {
        guard let literal = cmark_node_get_literal(node) else { return false }
        return strstr(literal, needle) != nil
    }

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
