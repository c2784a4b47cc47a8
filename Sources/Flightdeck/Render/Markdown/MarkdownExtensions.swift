/// The GitHub-flavoured extensions over cmark's tree, each run only when the text could use it.
///
/// See docs/markdown.md: pipe tables, strikethrough, extended autolinks (heading ids are `HeadingIDs`).
enum MarkdownExtensions {
    /// Runs every extension on a freshly parsed document.
    static func apply(to document: CmarkDocument) {
        applyInline(to: document)
        if TableExtension.mayContainTables(document.markdown) { TableExtension.apply(to: document) }
    }

    /// Autolinks, then strikethrough (which leaves the autolinks' text alone, as cmark-gfm does).
    static func applyInline(to document: CmarkDocument) {
        let links = Autolinker.mayContainLinks(document.markdown) ? Autolinker.apply(to: document) : []
        if document.markdown.utf8.contains(UInt8(ascii: "~")) { Strikethrough.apply(to: document, skipping: links) }
    }
}
