import CCmark
import Foundation

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

/// Markdown parsed at Ingest: libcmark's tree after the GitHub-flavoured rewrites, with its heading ids,
/// task items and first heading. Render turns it into HTML (`html()`); templates get that HTML wherever the
/// document is encoded (`page.html`, `notes.html`, `postmortems[id]`).
///
/// Its figures are immutable once parsed; `html()` renders the tree once, under a lock, and frees it, so a document
/// shared by several pages is safe.
final class MarkdownDocument: @unchecked Sendable, Encodable {
    /// Task-list items, in document order.
    let tasks: [TaskItem]
    /// The text of the first level-1 heading, if any.
    let firstHeading: String?
    /// Warnings about links and images whose URL `SafeURL` refused (they are shown as text).
    let warnings: [Diagnostic]
    /// The links and images the HTML keeps, with where each is written: what the link checker names as a
    /// broken link's source.
    let links: [MarkdownLink]
    /// libcmark's tree until the HTML is rendered, then nil: the tree is many times the size of its text and of
    /// its HTML, so it is freed before the pages that show the HTML are built.
    private var document: CmarkDocument?
    private let headingIDs: [String]
    /// The size of the Markdown text, in bytes.
    private let sourceBytes: Int
    private let lock = NSLock()
    /// The HTML once rendered: every page, the single-file report and the export encode the same document.
    private var rendered: String?

    fileprivate init(document: CmarkDocument, sourceBytes: Int, headingIDs: [String], tasks: [TaskItem], firstHeading: String?,
                     warnings: [Diagnostic], links: [MarkdownLink]) {
        self.sourceBytes = sourceBytes
        self.warnings = warnings
        self.links = links
        self.document = document
        self.headingIDs = headingIDs
        self.tasks = tasks
        self.firstHeading = firstHeading
    }

    /// The HTML body, rendered on first use and kept.
    func html() -> String {
        lock.withLock {
            if let rendered { return rendered }
            let html = HeadingIDs.insert(headingIDs, into: document?.html() ?? "")
            rendered = html
            document = nil
            if sourceBytes >= MemoryRelease.largeInput { MemoryRelease.now() }
            return html
        }
    }

    /// Encoded as its HTML, which is what templates and the export show.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(html())
    }
}

/// Parses Markdown through libcmark, with the GitHub-flavoured extensions of `MarkdownExtensions`.
enum MarkdownRenderer {
    /// Markdown larger than this is refused, so a runaway file cannot stall a build.
    static let maxBytes = InputLimits.standard.markdownTextBytes

    /// Renders `file`'s Markdown `text` (which may be the body after front matter).
    ///
    /// `nested` is for Markdown shown inside a page that has its own title (release notes, postmortems):
    /// a leading level-1 heading is dropped (the page shows the title) and, with `demote`, other headings move down
    /// a level (a postmortem under its incident's heading; release notes on their own page keep theirs).
    /// Headings get GitHub-style ids (see `HeadingIDs`), unique within `ids`' page. Links and images whose URL is
    /// not http, https, mailto or relative become text (`LinkFilter`), with warnings placed as if `text` started
    /// on line `firstLine` of `file` (the line after front matter).
    static func render(_ text: String, file: String, unsafeHTML: Bool, nested: Bool = false, demote: Bool = true,
                       ids: HeadingIDScope = .page, firstLine: Int = 1) throws(DiagnosticError) -> RenderedMarkdown {
        let parsed = try parse(text, file: file, unsafeHTML: unsafeHTML, nested: nested, demote: demote, ids: ids, firstLine: firstLine)
        return RenderedMarkdown(html: parsed.html(), tasks: parsed.tasks, firstHeading: parsed.firstHeading,
                                warnings: parsed.warnings)
    }

    /// Parses `file`'s Markdown `text` into a document that Render turns into HTML; the same options as `render`.
    static func parse(_ text: String, file: String, unsafeHTML: Bool, nested: Bool = false, demote: Bool = true,
                      ids: HeadingIDScope = .page, firstLine: Int = 1) throws(DiagnosticError) -> MarkdownDocument {
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
        if nested { nest(document, demote: demote) }
        var slugger = HeadingSlugger(reserving: ids.reserved)
        let headingIDs = HeadingIDs.mark(document, prefix: ids.prefix, slugger: &slugger)
        let tasks = TaskListExtractor.extract(from: document)
        let warnings = LinkFilter.warnings(document.refusedLinks, file: file, lines: document.lines, firstLine: firstLine)
        return MarkdownDocument(document: document, sourceBytes: size, headingIDs: headingIDs, tasks: tasks, firstHeading: heading,
                                warnings: warnings, links: MarkdownLink.all(in: document, file: file, firstLine: firstLine))
    }

    /// Drops a leading `#` heading and, with `demote`, moves the other headings down a level.
    private static func nest(_ document: CmarkDocument, demote: Bool) {
        if let first = cmark_node_first_child(document.root), CmarkNode.type(first) == CMARK_NODE_HEADING,
           cmark_node_get_heading_level(first) == 1 {
            cmark_node_unlink(first)
            cmark_node_free(first)
        }
        guard demote else { return }
        var headings: [OpaquePointer] = []
        document.forEachNode { if CmarkNode.type($0) == CMARK_NODE_HEADING { headings.append($0) } }
        for heading in headings {
            cmark_node_set_heading_level(heading, min(6, cmark_node_get_heading_level(heading) + 1))
        }
    }
}
