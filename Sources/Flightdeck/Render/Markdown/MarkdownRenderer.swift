import CCmark

/// Markdown rendered to HTML, with what the pipeline needs from its tree.
struct RenderedMarkdown: Sendable {
    /// The HTML body.
    let html: String
    /// Task-list items, in document order.
    let tasks: [TaskItem]
    /// The text of the first level-1 heading, if any.
    let firstHeading: String?
    /// Warnings about links and images whose URL `SafeURL` refused (they are shown as text).
    let warnings: [Diagnostic]
}

/// Renders Markdown through libcmark, with the GitHub-flavoured extensions of `MarkdownExtensions`.
enum MarkdownRenderer {
    /// Markdown larger than this is refused, so a runaway file cannot stall a build.
    static let maxBytes = 8 * 1024 * 1024

    /// Renders `file`'s Markdown `text` (which may be the body after front matter).
    ///
    /// `nested` is for Markdown shown inside a page that has its own title (release notes, postmortems):
    /// a leading level-1 heading is dropped (the page shows the title) and other headings move down a level.
    /// Headings get GitHub-style ids (see `HeadingIDs`), unique within `ids`' page. Links and images whose URL is
    /// not http, https, mailto or relative become text (`LinkFilter`), with warnings placed as if `text` started
    /// on line `firstLine` of `file` (the line after front matter).
    static func render(_ text: String, file: String, unsafeHTML: Bool, nested: Bool = false,
                       ids: HeadingIDScope = .page, firstLine: Int = 1) throws(DiagnosticError) -> RenderedMarkdown {
        let size = text.utf8.count
        guard size <= maxBytes else {
            throw DiagnosticError(.error("Markdown file is \(size / 1_048_576) MB; the limit is \(maxBytes / 1_048_576) MB", at: .file(file)))
        }
        guard let document = CmarkDocument(markdown: text, unsafeHTML: unsafeHTML) else {
            throw DiagnosticError(.error("libcmark could not parse this Markdown", at: .file(file)))
        }
        MarkdownExtensions.apply(to: document)
        var heading: String?
        document.forEachNode { node in
            if heading == nil, CmarkNode.type(node) == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 1 {
                heading = CmarkNode.plainText(node)
            }
        }
        if nested { nest(document) }
        var slugger = HeadingSlugger(reserving: ids.reserved)
        let headingIDs = HeadingIDs.mark(document, prefix: ids.prefix, slugger: &slugger)
        let tasks = TaskListExtractor.extract(from: document)
        let warnings = LinkFilter.warnings(document.refusedLinks, file: file, lines: document.lines, firstLine: firstLine)
        return RenderedMarkdown(html: HeadingIDs.insert(headingIDs, into: document.html()), tasks: tasks, firstHeading: heading,
                                warnings: warnings)
    }

    /// Drops a leading `#` heading and demotes the other headings by two levels (under the page's h1 and section h2).
    private static func nest(_ document: CmarkDocument) {
        if let first = cmark_node_first_child(document.root), CmarkNode.type(first) == CMARK_NODE_HEADING,
           cmark_node_get_heading_level(first) == 1 {
            cmark_node_unlink(first)
            cmark_node_free(first)
        }
        var headings: [OpaquePointer] = []
        document.forEachNode { if CmarkNode.type($0) == CMARK_NODE_HEADING { headings.append($0) } }
        for heading in headings {
            cmark_node_set_heading_level(heading, min(6, cmark_node_get_heading_level(heading) + 1))
        }
    }
}
