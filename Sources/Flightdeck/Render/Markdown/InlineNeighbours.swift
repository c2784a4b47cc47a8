import CCmark

/// What stands next to a text node in the source, as cmark-gfm's inline parser would see it.
///
/// Our extensions run after cmark has parsed inlines, so the character before or after a text node is
/// inferred from its neighbour: another text's last or first character, a delimiter for emphasis and
/// links, a newline for breaks and for the start or end of the block.
enum InlineNeighbours {
    /// The character just before `node`'s literal.
    static func before(_ node: OpaquePointer) -> Unicode.Scalar {
        if let previous = cmark_node_previous(node) { return edge(of: previous, last: true) }
        guard let parent = cmark_node_parent(node) else { return "\n" }
        return opening(of: parent)
    }

    /// The character just after `node`'s literal.
    static func after(_ node: OpaquePointer) -> Unicode.Scalar {
        if let next = cmark_node_next(node) { return edge(of: next, last: false) }
        guard let parent = cmark_node_parent(node) else { return "\n" }
        return opening(of: parent)
    }

    /// Whether `node` sits inside a link or an image (autolinks never nest in them).
    static func isInsideLink(_ node: OpaquePointer) -> Bool {
        var current = cmark_node_parent(node)
        while let ancestor = current {
            let type = cmark_node_get_type(ancestor)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { return true }
            current = cmark_node_parent(ancestor)
        }
        return false
    }

    private static func opening(of parent: OpaquePointer) -> Unicode.Scalar {
        switch cmark_node_get_type(parent) {
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG: "*"
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE: "["
        case CMARK_NODE_CUSTOM_INLINE: "~"
        default: "\n"
        }
    }

    private static func edge(of node: OpaquePointer, last: Bool) -> Unicode.Scalar {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            let scalars = CmarkNode.literal(node).unicodeScalars
            return (last ? scalars.last : scalars.first) ?? "\n"
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: return "\n"
        case CMARK_NODE_CODE: return "`"
        case CMARK_NODE_HTML_INLINE: return last ? ">" : "<"
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE: return last ? ")" : "["
        case CMARK_NODE_CUSTOM_INLINE: return "~"
        default: return "*"
        }
    }

    /// Unicode whitespace as cmark counts it.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20: return true
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }

    /// ASCII punctuation or a Unicode punctuation character, as cmark counts it.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value)
                || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// Replaces `node` by `replacements` (already created, unattached) and frees it.
    static func replace(_ node: OpaquePointer, with replacements: [OpaquePointer]) {
        for replacement in replacements { cmark_node_insert_before(node, replacement) }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// A new text node, or nil for an empty string.
    static func text(_ literal: String) -> OpaquePointer? {
        guard !literal.isEmpty, let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, literal)
        return node
    }
}
