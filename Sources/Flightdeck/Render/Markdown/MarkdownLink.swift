import CCmark

/// A link or image of a Markdown document, with the place its URL is written: how the link checker traces a
/// broken link of a page back to `content/releases/2.4/notes.md:14:9`.
struct MarkdownLink: Sendable, Hashable {
    /// The URL as cmark decoded it (entities and backslash escapes resolved).
    let url: String
    /// An image rather than a link.
    let isImage: Bool
    /// Where the URL is written (see `LinkFilter.locate`).
    let location: SourceLocation

    /// Every link and image left in `document` (after `LinkFilter`), in document order, placed as if the text
    /// started on line `firstLine` of `file`.
    static func all(in document: CmarkDocument, file: String, firstLine: Int) -> [MarkdownLink] {
        var found: [LinkFilter.Refused] = []
        document.forEachNode { node in
            let type = CmarkNode.type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { return }
            found.append(LinkFilter.Refused(node))
        }
        guard !found.isEmpty else { return [] }
        let lines = document.lines
        return found.map { link in
            let (line, column) = LinkFilter.locate(link, in: lines)
            return MarkdownLink(url: link.url, isImage: link.isImage,
                                location: SourceLocation(file: file, line: line + firstLine - 1, column: column))
        }
    }
}
