/// A release's readiness checklist from `checklist.md`: Markdown task lists under headings.
package struct Checklist: Sendable, Encodable {
    /// One task-list item: its text, box, heading, line in checklist.md and bound check (`TaskItem`).
    package typealias Item = TaskItem

    /// The file's path, for diagnostics.
    package var path: String
    /// The items, in document order (the parse's, shared).
    package var tasks: TaskItems
    /// The whole checklist, parsed; templates get its HTML (boxes as disabled checkboxes) as `html`.
    var html: MarkdownDocument
}
