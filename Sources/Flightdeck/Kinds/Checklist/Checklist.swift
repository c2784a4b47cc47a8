/// A release's readiness checklist from `checklist.md`: Markdown task lists under headings.
package struct Checklist: Sendable, Encodable {
    /// One task-list item.
    package struct Item: Sendable, Encodable {
        /// The item text.
        package var text: String
        /// Whether its box is ticked in the file.
        package var checked: Bool
        /// The heading it sits under.
        package var section: String
        /// Its 1-based line in checklist.md.
        package var line: Int
        /// A bound metric check such as `tests.success_rate >= 95`, if the item has one.
        package var check: String?
    }

    /// The file's path, for diagnostics.
    package var path: String
    /// The items, in document order.
    package var tasks: [Item]
    /// The whole checklist, parsed; templates get its HTML (boxes as disabled checkboxes) as `html`.
    var html: MarkdownDocument
}
