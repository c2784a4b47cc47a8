import CCmark

/// Markdown rendered to HTML, with what the pipeline needs from its tree.
struct RenderedMarkdown: Sendable {
    /// The HTML body.
    let html: String
    /// Task-list items, in document order.
    let tasks: [TaskItem]
    /// The text of the first level-1 heading, if any.
    let firstHeading: String?
}

/// Renders Markdown through libcmark.
enum MarkdownRenderer {
    /// Markdown larger than this is refused, so a runaway file cannot stall a build.
    static let maxBytes = 8 * 1024 * 1024

    /// Renders `file`'s Markdown `text` (which may be the body after front matter).
    static func render(_ text: String, file: String, unsafeHTML: Bool) throws(DiagnosticError) -> RenderedMarkdown {
        let size = text.utf8.count
        guard size <= maxBytes else {
            throw DiagnosticError(.error("Markdown file is \(size / 1_048_576) MB; the limit is \(maxBytes / 1_048_576) MB", at: .file(file)))
        }
        guard let document = CmarkDocument(markdown: text, unsafeHTML: unsafeHTML) else {
            throw DiagnosticError(.error("libcmark could not parse this Markdown", at: .file(file)))
        }
        var heading: String?
        document.forEachNode { node in
            if heading == nil, CmarkNode.type(node) == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 1 {
                heading = CmarkNode.plainText(node)
            }
        }
        let tasks = TaskListExtractor.extract(from: document)
        return RenderedMarkdown(html: document.html(), tasks: tasks, firstHeading: heading)
    }
}
