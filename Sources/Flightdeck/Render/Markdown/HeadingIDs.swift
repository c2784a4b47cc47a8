import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives each heading an `id` from its text, so `#section` links work.
///
/// cmark cannot put attributes on a heading, so each heading gets a marker as its first inline; after
/// rendering, `<hN>` plus marker becomes `<hN id="…">`. The marker is a control character that cmark's
/// output never holds otherwise (it would have to be in the text right after a raw `<hN>` tag).
enum HeadingIDs {
    private static let marker = "\u{1}"

    /// Marks the headings of `document` and returns their ids in document order.
    static func mark(_ document: CmarkDocument, prefix: String, slugger: inout HeadingSlugger) -> [String] {
        var headings: [OpaquePointer] = []
        document.forEachNode { if CmarkNode.type($0) == CMARK_NODE_HEADING { headings.append($0) } }
        var ids: [String] = []
        for heading in headings {
            let slug = slugger.slug(CmarkNode.plainText(heading))
            guard let mark = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
            cmark_node_set_on_enter(mark, marker)
            cmark_node_prepend_child(heading, mark)
            ids.append(slug.isEmpty ? "" : prefix + slug)
        }
        return ids
    }

    /// Replaces each `<hN>` + marker in `html` with `<hN id="…">`, taking `ids` in order; drops stray markers.
    static func insert(_ ids: [String], into html: String) -> String {
        guard !ids.isEmpty else { return html }
        var html = html
        return html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return "" }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + ids.count * 24)
            var remaining = ids[...]
            var start = 0
            while start < bytes.count, let hit = memchr(base + start, 0x01, bytes.count - start) {
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let isHeadingStart = index >= 4 && bytes[index - 1] == UInt8(ascii: ">") && (0x31...0x36).contains(bytes[index - 2])
                    && bytes[index - 3] == UInt8(ascii: "h") && bytes[index - 4] == UInt8(ascii: "<")
                if isHeadingStart, let id = remaining.popFirst() {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]))
                    // Slugs hold no `&`, `"`, `<` or `>` (punctuation and symbols are removed), so they need no escaping.
                    output.append(contentsOf: (id.isEmpty ? ">" : " id=\"" + id + "\">").utf8)
                } else {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                }
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            return String(decoding: output, as: UTF8.self)
        }
    }
}
