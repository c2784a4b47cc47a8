import CCmark
import FlightdeckCore

/// Links and images whose URL `SafeURL` refuses (anything but http, https, mailto and relative URLs), each
/// replaced by its content: a link by its text, an image by its description.
///
/// cmark's safe mode already empties the `href` of `javascript:`, `vbscript:`, `file:` and most `data:` URLs,
/// and percent-encodes the spaces and control characters a browser would strip. This walk applies Flightdeck's
/// one rule on top, in safe and unsafe mode alike, so that no other scheme becomes a link and the reader sees
/// text instead of a link that goes nowhere. It runs on the URL as cmark decoded it (entities such as
/// `&#106;avascript:` and backslash escapes already resolved), links from reference definitions and
/// autolinks included.
enum LinkFilter {
    /// A refused link or image, with where cmark puts it in the document's text.
    struct Refused {
        /// The 1-based line cmark gives the node.
        var line: Int
        /// The last line the node may be on (cmark's inline positions drift in multi-line paragraphs).
        var lastLine: Int
        /// cmark's 1-based column in bytes; 0 when unknown.
        var column: Int
        /// The URL as cmark decoded it.
        let url: String
        /// An image rather than a link.
        let isImage: Bool

        /// A link or image node where cmark puts it. A node an extension made (an autolink) has no place of its
        /// own, so it is looked for from the start of its block.
        init(_ node: OpaquePointer) {
            var block = cmark_node_parent(node)
            while let current = block, CmarkNode.type(current).rawValue > CMARK_NODE_LAST_BLOCK.rawValue { block = cmark_node_parent(current) }
            let own = Int(cmark_node_get_start_line(node))
            line = own > 0 ? own : block.map { Int(cmark_node_get_start_line($0)) } ?? 0
            lastLine = max(line, block.map { Int(cmark_node_get_end_line($0)) } ?? 0)
            column = own > 0 ? Int(cmark_node_get_start_column(node)) : 0
            url = LinkFilter.url(of: node)
            isImage = CmarkNode.type(node) == CMARK_NODE_IMAGE
        }
    }

    /// Unwraps every refused link and image in `document`, returning them in document order.
    static func apply(to document: CmarkDocument) -> [Refused] {
        var nodes: [OpaquePointer] = []
        document.forEachNode { node in
            let type = CmarkNode.type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { return }
            if !SafeURL.isSafe(url(of: node)) { nodes.append(node) }
        }
        return nodes.map { node in
            let refused = Refused(node)
            unwrap(node)
            return refused
        }
    }

    /// How many refused links of one file get a warning each; the rest are counted in one more warning, so that a
    /// file of many such links costs linear time and a readable report.
    static let warningsPerFile = 20
    /// How far (in bytes and lines) `locate` looks for a URL past cmark's place.
    private static let searchBytes = 4096, searchLines = 50

    /// The warnings for one file's refused links: one per link at its URL (see `locate`), up to `warningsPerFile`,
    /// in the order of their places, gathered from its document or from the pieces it was parsed in
    /// (`MarkdownPieces`), each piece placed by its own lines.
    struct Warnings {
        private var shown: [(line: Int, column: Int, refused: Refused)] = []
        private var count = 0
        private var last: (line: Int, column: Int)?

        /// Adds the refused links of a document, or of the next piece, placed as if its text started on line
        /// `firstLine` of the file.
        mutating func add(_ refused: [Refused], lines: SourceLines, firstLine: Int) {
            guard !refused.isEmpty else { return }
            let sorted = refused.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
            for link in sorted.prefix(max(0, warningsPerFile - count)) {
                let (line, column) = locate(link, in: lines)
                shown.append((line + firstLine - 1, column, link))
            }
            count += sorted.count
            if count > warningsPerFile, let final = sorted.last {
                let (line, column) = locate(final, in: lines)
                last = (line + firstLine - 1, column)
            }
        }

        /// One warning per link up to `warningsPerFile`, then one for the rest at the last of them; by place.
        func diagnostics(file: String) -> [Diagnostic] {
            var warnings = shown.map { line, column, refused in
                let what = refused.isImage ? "image source" : "link to"
                let shown = refused.isImage ? "the image is left out and its description shown as text" : "its text is shown without a link"
                return Diagnostic.warning("\(what) \(SafeURL.quoted(refused.url)) is not an http, https, mailto or relative URL; \(shown)",
                                          at: SourceLocation(file: file, line: line, column: column))
            }
            if count > warningsPerFile, let last {
                warnings.append(.warning("\(count - warningsPerFile) more links or images with such URLs are shown as text; the last one is here",
                                         at: SourceLocation(file: file, line: last.line, column: last.column)))
            }
            return warnings.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
        }
    }

    /// The line and column (in Unicode scalars) of a refused link: where its URL is written on the lines cmark
    /// gives, else the link's opening `[`, `!` or `<` at or after cmark's column, else cmark's own place.
    ///
    /// cmark's inline columns skip the indentation of a paragraph's continuation lines, and its inline lines
    /// can be early after a code span that spans lines, hence the search.
    static func locate(_ refused: Refused, in lines: SourceLines) -> (line: Int, column: Int) {
        let first = min(max(refused.line, 1), lines.count)
        let last = min(max(refused.lastLine, first), lines.count, first + searchLines)
        let needle = Array(refused.url.utf8)
        if !needle.isEmpty {
            for number in first...last {
                let line = lines.line(number)
                let from = number == first ? min(line.startIndex + max(refused.column - 1, 0), line.endIndex) : line.startIndex
                if let at = index(of: needle, in: line, from: from) ?? index(of: needle, in: line, from: line.startIndex) {
                    return (number, scalarColumn(at, in: line))
                }
            }
        }
        let line = lines.line(first)
        let from = min(line.startIndex + max(refused.column - 1, 0), line.endIndex)
        let openers: [UInt8] = refused.isImage ? [UInt8(ascii: "!")] : [UInt8(ascii: "["), UInt8(ascii: "<")]
        if let at = line[from..<min(from + searchBytes, line.endIndex)].firstIndex(where: openers.contains) {
            return (first, scalarColumn(at, in: line))
        }
        return (first, max(1, scalarColumn(from, in: line)))
    }

    private static func url(of node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    /// Moves a node's children before it, then removes and frees it.
    private static func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            guard cmark_node_insert_before(node, child) == 1 else { break }
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// The index of the first occurrence of `needle` in `bytes` starting at most `searchBytes` after `from`.
    private static func index(of needle: [UInt8], in bytes: ArraySlice<UInt8>, from: Int) -> Int? {
        guard needle.count <= bytes.endIndex - from else { return nil }
        var at = from
        while at + needle.count <= bytes.endIndex, at - from <= searchBytes {
            if bytes[at] == needle[0], bytes[at..<at + needle.count].elementsEqual(needle) { return at }
            at += 1
        }
        return nil
    }

    /// The 1-based column in Unicode scalars of byte index `at` of `line` (UTF-8 continuation bytes do not count).
    private static func scalarColumn(_ at: Int, in line: ArraySlice<UInt8>) -> Int {
        1 + line[line.startIndex..<at].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
