/// Reads Markdown pages with optional front matter.
enum PageReader {
    /// Reads and parses one page (Render turns its body into HTML); problems go to the log and give nil.
    /// `nested` and `demote` as in `MarkdownRenderer.render`, `keepLinks` as in `MarkdownRenderer.parse`.
    static func read(_ file: ContentFile, unsafeHTML: Bool, nested: Bool = false, demote: Bool = true, ids: HeadingIDScope = .page,
                     keepLinks: Bool, log: DiagnosticLog) -> Page? {
        do {
            // A long page is parsed in place from its mapped file (`MarkdownRenderer.parse(_:from:...)`), its front
            // matter read from its own lines; other pages, and one whose front matter does not close, as text.
            var mapped: (file: MappedFile, body: Int)?
            if let size = file.byteCount, size >= MarkdownPieces.Size.standard.bytes * 2 {
                let whole = try MappedFile.open(file)
                if !whole.bytes.starts(with: [0xEF, 0xBB, 0xBF]), let length = FrontMatter.length(of: whole.bytes) { mapped = (whole, length) }
            }
            let source = if let mapped {
                SourceFile(path: file.path, text: String(decoding: UnsafeBufferPointer(rebasing: mapped.file.bytes[..<mapped.body]), as: UTF8.self))
            } else {
                try file.readText()
            }
            let frontMatter = try FrontMatter(parsing: source)
            guard let fields = ObjectReader(frontMatter.fields, log: log, what: "front matter") else { return nil }
            let title = fields.string("title")
            let description = fields.string("description")
            let weight = fields.int("weight") ?? 0
            let draft = fields.bool("draft") ?? false
            fields.warnUnknownKeys()
            let body = if let mapped {
                try MarkdownRenderer.parse(mapped.file, from: mapped.body, file: file.path, unsafeHTML: unsafeHTML, nested: nested, demote: demote,
                                           ids: ids, firstLine: frontMatter.bodyLine, keepLinks: keepLinks)
            } else {
                try MarkdownRenderer.parse(frontMatter.body, file: file.path, unsafeHTML: unsafeHTML, nested: nested, demote: demote, ids: ids,
                                           firstLine: frontMatter.bodyLine, keepLinks: keepLinks)
            }
            log.report(contentsOf: body.warnings)
            let slug = String(file.name.dropLast(file.fileExtension.count + 1))
            return Page(path: file.path, slug: slug, title: title ?? body.firstHeading ?? slug,
                        description: description, weight: weight, html: body, draft: draft)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
    }
}
