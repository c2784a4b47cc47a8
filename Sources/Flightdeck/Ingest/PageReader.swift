/// Reads Markdown pages with optional front matter.
enum PageReader {
    /// Reads and parses one page (Render turns its body into HTML); problems go to the log and give nil.
    /// `nested` and `demote` as in `MarkdownRenderer.render`, `keepLinks` as in `MarkdownRenderer.parse`.
    static func read(_ file: ContentFile, unsafeHTML: Bool, nested: Bool = false, demote: Bool = true, ids: HeadingIDScope = .page,
                     keepLinks: Bool, log: DiagnosticLog) -> Page? {
        do {
            let markdown = try MarkdownFile(file)
            let frontMatter = markdown.frontMatter
            guard let fields = ObjectReader(frontMatter.fields, log: log, what: "front matter") else { return nil }
            let title = fields.string("title")
            let description = fields.string("description")
            let weight = fields.int("weight") ?? 0
            let draft = fields.bool("draft") ?? false
            fields.warnUnknownKeys()
            let body = try markdown.parseBody(unsafeHTML: unsafeHTML, nested: nested, demote: demote, ids: ids, keepLinks: keepLinks)
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
