/// Reads `checklist.md` by walking its Markdown tree for task-list items.
enum ChecklistReader {
    /// The checklist, or nil when the release has none; `keepLinks` as in `MarkdownRenderer.parse`.
    static func read(_ release: ReleaseSource, unsafeHTML: Bool, keepLinks: Bool, log: DiagnosticLog) -> Checklist? {
        guard let file = release.file(named: "checklist.md") else { return nil }
        do {
            // The HTML is made where it is used: only the export writes it (`data.checklist.html`), unless a theme shows it.
            let body = try MarkdownFile(file).parseBody(unsafeHTML: unsafeHTML, keepLinks: keepLinks, htmlOnUse: true)
            log.report(contentsOf: body.warnings)
            let items = body.tasks  // lines counted from the file's first (the parse's `firstLine`); shared, not copied
            if items.isEmpty {
                log.warning("checklist has no task-list items ('- [ ] text' or '- [x] text')", at: .file(file.path))
            }
            return Checklist(path: file.path, tasks: items, html: body)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
    }
}
