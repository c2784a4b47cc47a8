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
    /// broken link's source. Empty unless the document was parsed with `keepLinks` (only the link checker reads them).
    let links: [MarkdownLink]
    /// How many pieces the text was parsed in (`MarkdownPieces`); 1 when it was parsed whole.
    let pieceCount: Int
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
        self.pieceCount = 1
        self.warnings = warnings
        self.links = links
        self.document = document
        self.headingIDs = headingIDs
        self.tasks = tasks
        self.firstHeading = firstHeading
    }

    /// A document parsed in pieces (`MarkdownPieces`), each rendered as soon as it was read.
    fileprivate init(html: String, pieceCount: Int, tasks: [TaskItem], firstHeading: String?, warnings: [Diagnostic], links: [MarkdownLink]) {
        self.sourceBytes = 0
        self.pieceCount = pieceCount
        self.warnings = warnings
        self.links = links
        self.document = nil
        self.headingIDs = []
        self.tasks = tasks
        self.firstHeading = firstHeading
        self.rendered = html
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
        let parsed = try parse(text, file: file, unsafeHTML: unsafeHTML, nested: nested, demote: demote, ids: ids, firstLine: firstLine,
                               keepLinks: false)
        return RenderedMarkdown(html: parsed.html(), tasks: parsed.tasks, firstHeading: parsed.firstHeading,
                                warnings: parsed.warnings)
    }

    /// Parses `file`'s Markdown `text` into a document that Render turns into HTML; the same options as `render`.
    /// With `keepLinks`, the document keeps where each link is written (`MarkdownDocument.links`), for the link checker.
    /// A long text is parsed in pieces of `pieceSize` when it can be (`MarkdownPieces`), so that libcmark's tree
    /// is never that of the whole text.
    static func parse(_ text: String, file: String, unsafeHTML: Bool, nested: Bool = false, demote: Bool = true,
                      ids: HeadingIDScope = .page, firstLine: Int = 1, keepLinks: Bool, pieceSize: MarkdownPieces.Size = .standard)
        throws(DiagnosticError) -> MarkdownDocument {
        let form = try Form(size: text.utf8.count, file: file, unsafeHTML: unsafeHTML, nested: nested, demote: demote, ids: ids,
                            firstLine: firstLine, keepLinks: keepLinks)
        var text = text
        if let document = text.withUTF8({ parse($0, in: pieceSize, form: form, giveBack: { _ in }) }) {
            return document
        }
        return try parseWhole(text, form: form)
    }

    /// Parses the Markdown of `file` from byte `start` of its bytes `mapped` (the body after front matter), as
    /// `parse` does. A text long enough to be parsed in pieces is read in place, and the pages of each piece are
    /// given back once it is parsed, so that the text is not resident beside its growing HTML.
    static func parse(_ mapped: MappedFile, from start: Int, file: String, unsafeHTML: Bool, nested: Bool = false, demote: Bool = true,
                      ids: HeadingIDScope = .page, firstLine: Int = 1, keepLinks: Bool, pieceSize: MarkdownPieces.Size = .standard)
        throws(DiagnosticError) -> MarkdownDocument {
        let bytes = UnsafeBufferPointer(rebasing: mapped.bytes[start...])
        let form = try Form(size: bytes.count, file: file, unsafeHTML: unsafeHTML, nested: nested, demote: demote, ids: ids,
                            firstLine: firstLine, keepLinks: keepLinks)
        if let document = parse(bytes, in: pieceSize, form: form, giveBack: { mapped.release(start..<(start + $0)) }) {
            return document
        }
        return try parseWhole(String(decoding: bytes, as: UTF8.self), form: form)
    }

    /// `text` parsed in one tree.
    private static func parseWhole(_ text: String, form: Form) throws(DiagnosticError) -> MarkdownDocument {
        let file = form.file
        let size = text.utf8.count
        guard let document = CmarkDocument(markdown: text, options: form.options) else {
            throw DiagnosticError(.error("libcmark could not parse this Markdown", at: .file(file)))
        }
        var reader = TreeReader(form: form)
        let headingIDs = reader.read(document, first: true, lineShift: 0)
        return MarkdownDocument(document: document, sourceBytes: size, headingIDs: headingIDs, tasks: reader.tasks, firstHeading: reader.heading,
                                warnings: reader.warnings.diagnostics(file: file), links: reader.links)
    }

    /// How a document is parsed: the arguments of `parse`.
    private struct Form {
        let file: String
        let options: Int32
        let nested: Bool
        let demote: Bool
        let ids: HeadingIDScope
        let firstLine: Int
        let keepLinks: Bool

        /// The arguments of a parse of `size` bytes; a text over `maxBytes` is refused.
        init(size: Int, file: String, unsafeHTML: Bool, nested: Bool, demote: Bool, ids: HeadingIDScope, firstLine: Int,
             keepLinks: Bool) throws(DiagnosticError) {
            guard size <= maxBytes else {
                throw DiagnosticError(.error("Markdown file is \(size / 1_048_576) MB; the limit is \(maxBytes / 1_048_576) MB", at: .file(file)))
            }
            self.file = file
            options = CmarkDocument.options(unsafeHTML: unsafeHTML)
            self.nested = nested
            self.demote = demote
            self.ids = ids
            self.firstLine = firstLine
            self.keepLinks = keepLinks
        }
    }

    /// Runs the extensions on a document's tree, or on its pieces' trees in order, and gathers what the pipeline
    /// needs from them.
    private struct TreeReader {
        let form: Form
        var slugger: HeadingSlugger
        var heading: String?
        var section = ""
        var tasks: [TaskItem] = []
        var warnings = LinkFilter.Warnings()
        var links: [MarkdownLink] = []

        init(form: Form) {
            self.form = form
            slugger = HeadingSlugger(reserving: form.ids.reserved)
        }

        /// Reads `document`, the first piece (or whole) when `first`, whose lines are `lineShift` before the file's;
        /// returns its headings' ids.
        mutating func read(_ document: CmarkDocument, first: Bool, lineShift: Int) -> [String] {
            MarkdownExtensions.apply(to: document)
            if heading == nil {
                document.forEachNode { node in
                    if heading == nil, CmarkNode.type(node) == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 1 {
                        heading = CmarkNode.plainText(node)
                    }
                }
            }
            if form.nested { nest(document, demote: form.demote, dropLeading: first) }
            let headingIDs = HeadingIDs.mark(document, prefix: form.ids.prefix, slugger: &slugger)
            // Task lines are the file's, as warnings are: a checklist's items are these.
            tasks += TaskListExtractor.extract(from: document, lineShift: lineShift + form.firstLine - 1, section: &section)
            warnings.add(document.refusedLinks, lines: document.lines, firstLine: form.firstLine + lineShift)
            if form.keepLinks { links += MarkdownLink.all(in: document, file: form.file, firstLine: form.firstLine + lineShift) }
            return headingIDs
        }
    }

    /// Parses `text` piece by piece, each after the document's reference definitions, rendering each piece before
    /// the next is parsed; nil when the pieces cannot give the document's HTML (then it is parsed whole).
    ///
    /// `giveBack(n)` says that the first `n` bytes need not stay in memory: they may be read again, but not soon.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, in size: MarkdownPieces.Size, form: Form,
                              giveBack: (Int) -> Void) -> MarkdownDocument? {
        guard var pieces = MarkdownPieces(bytes: bytes, size: size) else { return nil }
        giveBack(bytes.count)  // the scan read it all; each piece is read again as it is parsed
        let definitions = pieces.definitions
        var definitionLineCount = 0
        if !definitions.isEmpty {
            guard let alone = CmarkDocument(markdown: definitions, options: form.options),
                  cmark_node_first_child(alone.root) == nil else { return nil }  // some of it is not a definition
            definitionLineCount = definitions.utf8.count { $0 == 0x0A } + 2
        }
        let tableReferences = definitions.isEmpty ? nil : TableExtension.referenceDefinitions(SourceLines(definitions))
        var reader = TreeReader(form: form)
        var html = ""
        var reserved = 0
        let finished: Bool = {
            var index = 0
            while index < pieces.pieces.count {
                let piece = pieces.pieces[index]
                let isLast = index == pieces.pieces.count - 1
                let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[piece.bytes]), as: UTF8.self)
                let source = definitions.isEmpty ? body : definitions + "\n\n" + body
                guard let document = CmarkDocument(markdown: source, options: form.options) else { return false }
                let lineShift = piece.firstLine - 1 - definitionLineCount
                let nextLine = isLast ? Int.max : pieces.pieces[index + 1].firstLine
                // Lines of the text that fall in this piece, as lines of the piece's own parse.
                let inPiece = { (lines: [Int]) in lines.filter { $0 >= piece.firstLine && $0 < nextLine }.map { $0 - lineShift } }
                let held = inPiece(pieces.definitionLines)
                guard !MarkdownPieceCheck.covers(document, lines: held) else { return false }
                // A piece ends with the blank line before the next one.
                if !isLast, MarkdownPieceCheck.leavesBlockOpen(document, lastLine: nextLine - 1 - lineShift) {
                    pieces.joinFrom(index)  // the cut was inside a block: the rest is one piece
                    continue
                }
                // A `]:` outside the definitions must be text that holds none.
                guard MarkdownPieceCheck.holdsNoDefinition(document, lines: inPiece(pieces.markLines)) else { return false }
                document.tableReferences = tableReferences
                let headingIDs = reader.read(document, first: index == 0, lineShift: lineShift)
                html += HeadingIDs.insert(headingIDs, into: document.html())
                // Room for the whole HTML as the pieces so far project it, so that it is not copied as it grows
                // (doubling would touch one and a half times its size); the room it does not use is never touched.
                let projected = Int(Double(html.utf8.count) * Double(bytes.count) / Double(max(piece.bytes.upperBound, 1))) + (1 << 16)
                if projected > reserved {
                    reserved = projected + projected / 4
                    html.reserveCapacity(reserved)
                }
                giveBack(piece.bytes.upperBound)
                index += 1
            }
            return true
        }()
        guard finished else { return nil }
        return MarkdownDocument(html: html, pieceCount: pieces.pieces.count, tasks: reader.tasks, firstHeading: reader.heading,
                                warnings: reader.warnings.diagnostics(file: form.file), links: reader.links)
    }

    /// Drops a leading `#` heading (of the first piece, with `dropLeading`) and, with `demote`, moves the other
    /// headings down a level.
    private static func nest(_ document: CmarkDocument, demote: Bool, dropLeading: Bool) {
        if dropLeading, let first = cmark_node_first_child(document.root), CmarkNode.type(first) == CMARK_NODE_HEADING,
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
