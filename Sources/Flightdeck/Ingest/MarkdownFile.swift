/// A Markdown file read for its front matter and body. A long file is mapped, its front matter read from its own
/// lines and its body parsed in place (`MarkdownRenderer.parse(_:from:...)`), so that the text is not held beside
/// what is made of it; other files, and one whose front matter does not close, are read as text.
struct MarkdownFile {
    /// The front matter (empty when there is none).
    let frontMatter: FrontMatter
    private let file: ContentFile
    /// The mapped file and where its body starts, for a long file.
    private let mapped: (file: MappedFile, body: Int)?

    /// Reads `file`: its size and encoding checked, its front matter parsed.
    init(_ file: ContentFile) throws(DiagnosticError) {
        self.file = file
        var mapped: (file: MappedFile, body: Int)?
        if let size = file.byteCount, size >= MarkdownPieces.Size.standard.bytes * 2 {
            let whole = try MappedFile.open(file)
            if !whole.bytes.starts(with: [0xEF, 0xBB, 0xBF]), let length = FrontMatter.length(of: whole.bytes) { mapped = (whole, length) }
        }
        self.mapped = mapped
        if let mapped {
            frontMatter = try FrontMatter(parsing: SourceFile(path: file.path, text: String(decoding: UnsafeBufferPointer(
                rebasing: mapped.file.bytes[..<mapped.body]), as: UTF8.self)))
            startsWithDashes = mapped.file.bytes.starts(with: "---".utf8)
        } else {
            let source = try file.readText()
            frontMatter = try FrontMatter(parsing: source)
            startsWithDashes = source.text.hasPrefix("---")
        }
    }

    /// Whether the file starts with `---` (its front matter, if it has any).
    let startsWithDashes: Bool

    /// The body, kept for later: where it is in the file, for a long file read in place.
    func body() -> MarkdownBody {
        if let mapped { return MarkdownBody(mapped.file, from: mapped.body, file: file.path) }
        return MarkdownBody(frontMatter.body, file: file.path)
    }

    /// The body parsed; the arguments as in `MarkdownRenderer.parse`.
    func parseBody(unsafeHTML: Bool, nested: Bool = false, demote: Bool = true, ids: HeadingIDScope = .page,
                   keepLinks: Bool, htmlOnUse: Bool = false) throws(DiagnosticError) -> MarkdownDocument {
        if let mapped {
            try MarkdownRenderer.parse(mapped.file, from: mapped.body, file: file.path, unsafeHTML: unsafeHTML, nested: nested,
                                       demote: demote, ids: ids, firstLine: frontMatter.bodyLine, keepLinks: keepLinks, htmlOnUse: htmlOnUse)
        } else {
            try MarkdownRenderer.parse(frontMatter.body, file: file.path, unsafeHTML: unsafeHTML, nested: nested, demote: demote,
                                       ids: ids, firstLine: frontMatter.bodyLine, keepLinks: keepLinks, htmlOnUse: htmlOnUse)
        }
    }
}
