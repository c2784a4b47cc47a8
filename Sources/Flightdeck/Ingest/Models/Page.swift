/// A Markdown page: `content/index.md`, `content/pages/*.md` or a release's `notes.md`.
package struct Page: Sendable, Encodable {
    /// The source path, e.g. `content/pages/process.md`.
    package var path: String
    /// The URL slug (file name without `.md`).
    package var slug: String
    /// From front matter `title`, else the first level-1 heading, else the slug.
    package var title: String
    /// From front matter `description`.
    package var description: String?
    /// Sort key for navigation (front matter `weight`, then title).
    package var weight: Int
    /// The body, parsed; templates get its HTML as `html`.
    var html: MarkdownDocument
    /// Drafts are left out unless `--drafts` is given.
    package var draft: Bool
}
