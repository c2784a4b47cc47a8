import CCmark
import Foundation
import FlightdeckTemplates

/// Markdown rendered to HTML, with what the pipeline needs from its tree.
struct RenderedMarkdown: Sendable {
    /// The HTML body.
    let html: String
    /// Task-list items, in document order.
    let tasks: TaskItems
    /// The text of the first level-1 heading, if any.
    let firstHeading: String?
    /// Warnings about links and images whose URL `SafeURL` refused (they are shown as text).
    let warnings: [Diagnostic]
}

/// Markdown parsed at Ingest: its task items, first heading, warnings and links, and what Render needs to make its
/// HTML. Templates get that HTML wherever the document is encoded (`page.html`, `notes.html`, `postmortems[id]`).
///
/// A text parsed whole keeps libcmark's tree until its HTML is rendered, once, under a lock; the tree is then freed
/// and the HTML kept, so a document shared by several pages is safe. A long text parsed in pieces (`MarkdownPieces`)
/// has its HTML rendered a piece at a time as it is parsed, and kept; or, when parsed with `htmlOnUse`, made again
/// each time it is used, from its text (`MarkdownRenderer.Pieced`): then a theme that does not show it never has it
/// in memory, and the export streams it into summary.json (`writePieces`).
final class MarkdownDocument: @unchecked Sendable, Encodable, JSONStreamedString {
    /// Task-list items, in document order.
    let tasks: TaskItems
    /// The text of the first level-1 heading, if any.
    let firstHeading: String?
    /// Warnings about links and images whose URL `SafeURL` refused (they are shown as text).
    let warnings: [Diagnostic]
    /// The links and images the HTML keeps, with where each is written: what the link checker names as a
    /// broken link's source. Empty unless the document was parsed with `keepLinks` (only the link checker reads them).
    let links: [MarkdownLink]
    /// How many pieces the text was parsed in (`MarkdownPieces`); 1 when it was parsed whole.
    let pieceCount: Int

    /// Where the HTML comes from.
    fileprivate enum Body {
        /// libcmark's tree, with its headings' ids, until the HTML is rendered: the tree is many times the size of
        /// its text and of its HTML, so it is freed before the pages that show the HTML are built.
        case tree(CmarkDocument, headingIDs: [String], sourceBytes: Int)
        /// The HTML: rendered from the tree, or from each piece as soon as it was read.
        case html(String)
        /// A text parsed in pieces with `htmlOnUse`, whose HTML is made again on each use.
        case pieces(MarkdownRenderer.Pieced)
    }
    private var body: Body
    private let lock = NSLock()

    /// A document whose HTML comes from `body`, parsed in `pieceCount` pieces.
    fileprivate init(_ body: Body, pieceCount: Int, tasks: TaskItems, firstHeading: String?, warnings: [Diagnostic], links: [MarkdownLink]) {
        self.body = body
        self.pieceCount = pieceCount
        self.warnings = warnings
        self.links = links
        self.tasks = tasks
        self.firstHeading = firstHeading
    }

    /// The HTML body: rendered from the tree on first use and kept, or, with `htmlOnUse`, made again. Fails only when
    /// the file of such a document changed after it was read (`MarkdownRenderer.Pieced.render`).
    func html() throws(DiagnosticError) -> String {
        switch kept() {
        case .html(let html): return html
        case .pieces(let pieced):
            var html = ""
            do {
                try pieced.render { html += $0 }
            } catch let error as DiagnosticError {
                throw error
            } catch {
                throw DiagnosticError(.error("cannot render the Markdown again: \(error)", at: .file(pieced.form.file)))
            }
            return html
        }
    }

    /// Hands the HTML to `piece`: a document whose HTML is made on use renders it again a piece at a time, so that it is
    /// never whole in memory (how summary.json gets it); other documents give their HTML whole.
    func writePieces(_ piece: (String) throws -> Void) throws {
        switch kept() {
        case .html(let html): try piece(html)
        case .pieces(let pieced): try pieced.render(piece)
        }
    }

    /// Encoded as its HTML, which is what templates and the export show.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(html())
    }

    /// What the HTML is made from: the HTML itself (rendered from the tree now if it was not yet), or the pieces.
    private func kept() -> Kept {
        lock.withLock {
            switch body {
            case .html(let html): return .html(html)
            case .pieces(let pieced): return .pieces(pieced)
            case .tree(let document, let headingIDs, let sourceBytes):
                let html = HeadingIDs.insert(headingIDs, into: document.html())
                body = .html(html)
                if sourceBytes >= MemoryRelease.largeInput { MemoryRelease.now() }
                return .html(html)
            }
        }
    }

    private enum Kept {
        case html(String)
        case pieces(MarkdownRenderer.Pieced)
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
        return RenderedMarkdown(html: try parsed.html(), tasks: parsed.tasks, firstHeading: parsed.firstHeading,
                                warnings: parsed.warnings)
    }

    /// Parses `file`'s Markdown `text` into a document that Render turns into HTML; the same options as `render`.
    /// With `keepLinks`, the document keeps where each link is written (`MarkdownDocument.links`), for the link checker.
    /// A long text is parsed in pieces of `pieceSize` when it can be (`MarkdownPieces`), so that libcmark's tree
    /// is never that of the whole text. Such a text's HTML is rendered as it is parsed and kept, or, `htmlOnUse`,
    /// made again each time it is used (for a document whose HTML only the export may write: the checklist), in
    /// smaller pieces (`MarkdownPieces.Size.onUse`), since it is made beside the pages being rendered.
    static func parse(_ text: String, file: String, unsafeHTML: Bool, nested: Bool = false, demote: Bool = true,
                      ids: HeadingIDScope = .page, firstLine: Int = 1, keepLinks: Bool, htmlOnUse: Bool = false,
                      pieceSize: MarkdownPieces.Size = .standard) throws(DiagnosticError) -> MarkdownDocument {
        let form = try Form(size: text.utf8.count, file: file, unsafeHTML: unsafeHTML, nested: nested, demote: demote, ids: ids,
                            firstLine: firstLine, keepLinks: keepLinks)
        let source = htmlOnUse ? MarkdownBody(text, file: file) : nil
        var text = text
        let size = htmlOnUse ? pieceSize.onUse : pieceSize
        if let document = text.withUTF8({ parse($0, in: size, form: form, source: source, giveBack: { _ in }) }) {
            return document
        }
        return try parseWhole(text, form: form)
    }

    /// Parses the Markdown of `file` from byte `start` of its bytes `mapped` (the body after front matter), as
    /// `parse` does. A text long enough to be parsed in pieces is read in place, and the pages of each piece are
    /// given back once it is parsed, so that the text is not resident beside what is made of it. With `htmlOnUse`,
    /// its HTML is made again from the file where it is used, once the file is checked to be the one read (its
    /// SHA-256).
    static func parse(_ mapped: MappedFile, from start: Int, file: String, unsafeHTML: Bool, nested: Bool = false, demote: Bool = true,
                      ids: HeadingIDScope = .page, firstLine: Int = 1, keepLinks: Bool, htmlOnUse: Bool = false,
                      pieceSize: MarkdownPieces.Size = .standard) throws(DiagnosticError) -> MarkdownDocument {
        let bytes = UnsafeBufferPointer(rebasing: mapped.bytes[start...])
        let form = try Form(size: bytes.count, file: file, unsafeHTML: unsafeHTML, nested: nested, demote: demote, ids: ids,
                            firstLine: firstLine, keepLinks: keepLinks)
        let source = htmlOnUse ? MarkdownBody(mapped, from: start, file: file) : nil
        if let document = parse(bytes, in: htmlOnUse ? pieceSize.onUse : pieceSize, form: form, source: source,
                                giveBack: { mapped.release(start..<(start + $0)) }) {
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
        return MarkdownDocument(.tree(document, headingIDs: headingIDs, sourceBytes: size), pieceCount: 1, tasks: reader.tasks,
                                firstHeading: reader.heading, warnings: reader.warnings.diagnostics(file: file), links: reader.links)
    }

    /// How a document is parsed: the arguments of `parse`.
    struct Form: Sendable {
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
    /// needs from them (unless it `collects` nothing: then the trees are only rewritten for their HTML).
    private struct TreeReader {
        let form: Form
        let collects: Bool
        var slugger: HeadingSlugger
        var heading: String?
        var section = ""
        var tasks = TaskItems()
        var warnings = LinkFilter.Warnings()
        var links: [MarkdownLink] = []

        init(form: Form, collects: Bool = true) {
            self.form = form
            self.collects = collects
            slugger = HeadingSlugger(reserving: form.ids.reserved)
        }

        /// Reads `document`, the first piece (or whole) when `first`, whose lines are `lineShift` before the file's;
        /// returns its headings' ids.
        mutating func read(_ document: CmarkDocument, first: Bool, lineShift: Int) -> [String] {
            MarkdownExtensions.apply(to: document)
            if heading == nil, collects {
                document.forEachNode { node in
                    if heading == nil, CmarkNode.type(node) == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 1 {
                        heading = CmarkNode.plainText(node)
                    }
                }
            }
            if form.nested { nest(document, demote: form.demote, dropLeading: first) }
            let headingIDs = HeadingIDs.mark(document, prefix: form.ids.prefix, slugger: &slugger)
            // Task lines are the file's, as warnings are: a checklist's items are these. The boxes become
            // checkboxes in the tree either way.
            let pieceTasks = TaskListExtractor.extract(from: document, lineShift: lineShift + form.firstLine - 1, section: &section)
            guard collects else { return headingIDs }
            tasks.append(contentsOf: pieceTasks)
            warnings.add(document.refusedLinks, lines: document.lines, firstLine: form.firstLine + lineShift)
            if form.keepLinks { links += MarkdownLink.all(in: document, file: form.file, firstLine: form.firstLine + lineShift) }
            return headingIDs
        }
    }

    /// A text parsed in pieces, kept to make its HTML again where it is used: its `MarkdownBody`, the text itself or
    /// where it is in its file.
    struct Pieced: Sendable {
        let source: MarkdownBody
        let form: Form
        let size: MarkdownPieces.Size

        /// Parses the text again, piece by piece as at Ingest, and hands each piece's HTML to `emit` as soon as it is
        /// rendered. A file that is no longer what was read (or cannot be read) is a located error, before any HTML.
        func render(_ emit: (String) throws -> Void) throws {
            try source.withBytes { bytes, giveBack in try render(bytes, giveBack: giveBack, emit: emit) }
        }

        private func render(_ bytes: UnsafeBufferPointer<UInt8>, giveBack: (Int) -> Void, emit: (String) throws -> Void) throws {
            let rendered = try MarkdownRenderer.readPieces(bytes, in: size, form: form, collects: false, renders: true, giveBack: giveBack,
                                                           emit: { piece, _ in try emit(piece) })
            // The same bytes are cut the same way: this is only if libcmark could not allocate a tree.
            guard rendered != nil else { throw DiagnosticError(.error("libcmark could not parse this Markdown again", at: .file(form.file))) }
        }
    }

    /// Parses `bytes` piece by piece (see `readPieces`) into a document that keeps its HTML, rendered as it is
    /// parsed, or, given a `source`, makes it again from there where it is used; nil when the pieces cannot give
    /// the document's HTML (then it is parsed whole).
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, in size: MarkdownPieces.Size, form: Form, source: MarkdownBody?,
                              giveBack: (Int) -> Void) -> MarkdownDocument? {
        var html = ""
        var reserved = 0
        let keep: (String, Int) throws(Never) -> Void = { piece, end in
            html += piece
            // Room for the whole HTML as the pieces so far project it, so that it is not copied as it grows
            // (doubling would touch one and a half times its size); the room it does not use is never touched.
            let projected = Int(Double(html.utf8.count) * Double(bytes.count) / Double(max(end, 1))) + (1 << 16)
            if projected > reserved {
                reserved = projected + projected / 4
                html.reserveCapacity(reserved)
            }
        }
        guard let (reader, count) = readPieces(bytes, in: size, form: form, collects: true, renders: source == nil, giveBack: giveBack,
                                               emit: keep) else { return nil }
        let body: MarkdownDocument.Body = if let source { .pieces(Pieced(source: source, form: form, size: size)) } else { .html(html) }
        return MarkdownDocument(body, pieceCount: count, tasks: reader.tasks, firstHeading: reader.heading,
                                warnings: reader.warnings.diagnostics(file: form.file), links: reader.links)
    }

    /// Parses `bytes` piece by piece, each after the document's reference definitions; nil when the pieces cannot
    /// give the document's HTML. Each piece's tree is read for the document's figures (tasks, warnings, links,
    /// first heading) when it `collects`; when it `renders`, the piece's HTML is handed to `emit`, with the end of
    /// the piece in `bytes`, before the next piece is parsed.
    ///
    /// A text with a `]:` is read twice: first for its definitions (`definitions(in:pieces:form:giveBack:)`), then for
    /// its HTML, each piece after them. libcmark's expansion limit, which counts the references a whole text expands,
    /// is kept to: the links and images of the pieces must take no more than the limit of the whole text, and of each
    /// piece, so that neither refused one.
    ///
    /// `giveBack(n)` says that the first `n` bytes need not stay in memory: they may be read again, but not soon.
    private static func readPieces<Failure: Error>(_ bytes: UnsafeBufferPointer<UInt8>, in size: MarkdownPieces.Size, form: Form,
                                                   collects: Bool, renders: Bool, giveBack: (Int) -> Void,
                                                   emit: (String, Int) throws(Failure) -> Void) throws(Failure) -> (TreeReader, Int)? {
        guard var pieces = MarkdownPieces(bytes: bytes, size: size, giveBack: giveBack) else { return nil }
        giveBack(bytes.count)  // the scan read it all; each piece is read again as it is parsed
        if bytes.count >= MemoryRelease.largeInput { MemoryRelease.mapLargeBlocks() }
        var list = ReferenceDefinitions.List()
        if ReferenceDefinitions.mayDefine(bytes) {
            guard let found = Self.definitions(in: bytes, pieces: &pieces, form: form, giveBack: giveBack) else { return nil }
            list = found
        }
        if !list.isEmpty {
            guard let alone = CmarkDocument(markdown: list.markdown, options: form.options),
                  cmark_node_first_child(alone.root) == nil else { return nil }  // some of it is not a definition
        }
        let wholeLimit = max(bytes.count, ReferenceDefinitions.expansionFloor)
        var expanded = 0
        var definitionBytes = 0
        var reader = TreeReader(form: form, collects: collects)
        var index = 0
        while index < pieces.pieces.count {
            let piece = pieces.pieces[index]
            let isLast = index == pieces.pieces.count - 1
            // The definitions this piece may use; all of them would be parsed again for every piece. Parsing them costs
            // at most a few times the text, else the text is parsed whole.
            let definitions = list.markdown(usedIn: bytes, piece.bytes)
            definitionBytes += definitions.utf8.count
            guard definitionBytes <= 4 * bytes.count + (1 << 20) else { return nil }
            let definitionLineCount = definitions.isEmpty ? 0 : definitions.utf8.count { $0 == 0x0A } + 1
            let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[piece.bytes]), as: UTF8.self)
            let source = definitions.isEmpty ? body : definitions + "\n" + body
            guard let document = CmarkDocument(markdown: source, options: form.options) else { return nil }
            let lineShift = piece.firstLine - 1 - definitionLineCount
            // A piece ends with the blank line before the next one.
            if !isLast, MarkdownPieceCheck.leavesBlockOpen(document, lastLine: pieces.pieces[index + 1].firstLine - 1 - lineShift) {
                guard list.isEmpty else { return nil }  // the definitions were read with this cut
                pieces.joinFrom(index)  // the cut was inside a block: the rest is one piece
                continue
            }
            let links = MarkdownPieceCheck.expandedBytes(document)
            expanded += links
            guard links <= max(source.utf8.count, ReferenceDefinitions.expansionFloor), expanded <= wholeLimit else { return nil }
            document.tableReferences = definitions
            let headingIDs = reader.read(document, first: index == 0, lineShift: lineShift)
            if renders { try emit(HeadingIDs.insert(headingIDs, into: document.html()), piece.bytes.upperBound) }
            giveBack(piece.bytes.upperBound)
            index += 1
        }
        // The pieces' trees and the definitions are freed: their memory goes back before the next stage, not kept by
        // the allocator.
        list = ReferenceDefinitions.List()
        if bytes.count >= MemoryRelease.largeInput { MemoryRelease.now() }
        return (reader, pieces.pieces.count)
    }

    /// The link reference definitions of `bytes`, cut into `pieces`, as Markdown (`ReferenceDefinitions`), each
    /// piece parsed alone after its probes; nil when they cannot be found. A cut found to be inside a block makes the
    /// rest one piece, as in `readPieces`.
    private static func definitions(in bytes: UnsafeBufferPointer<UInt8>, pieces: inout MarkdownPieces, form: Form,
                                    giveBack: (Int) -> Void) -> ReferenceDefinitions.List? {
        var definitions = ReferenceDefinitions.List()
        var index = 0
        while index < pieces.pieces.count {
            let piece = pieces.pieces[index]
            guard let labels = ReferenceDefinitions.labels(in: bytes, piece.bytes),
                  let found = ReferenceDefinitions.parse(UnsafeBufferPointer(rebasing: bytes[piece.bytes]), labels: labels,
                                                         options: form.options) else { return nil }
            if index < pieces.pieces.count - 1 {
                let lastLine = pieces.pieces[index + 1].firstLine - piece.firstLine + found.linesBefore
                if MarkdownPieceCheck.leavesBlockOpen(found.document, lastLine: lastLine) {
                    pieces.joinFrom(index)
                    continue
                }
            }
            definitions.append(contentsOf: found.definitions)
            giveBack(piece.bytes.upperBound)
            index += 1
        }
        return definitions
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
