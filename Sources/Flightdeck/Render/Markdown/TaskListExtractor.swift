import Foundation
import CCmark

/// A task-list item (`- [ ] text` or `- [x] text`) found in the Markdown AST; a checklist's items
/// (`Checklist.Item`) are these, shared with the parse rather than copied.
package struct TaskItem: Sendable, Equatable, Encodable {
    /// The item's text without the box (and without a trailing `check:` code span).
    package var text: String
    /// Whether the box is ticked.
    package var checked: Bool
    /// The text of the nearest heading above the item, or "".
    package var section: String
    /// The 1-based line of the item in its file (the parse's `firstLine` counted).
    package var line: Int
    /// The expression of a trailing code span `` `check: tests.success_rate >= 95` ``, if any.
    package var check: String?
}

/// Finds task-list items by walking cmark's AST, and turns their boxes into checkbox glyphs for HTML.
///
/// CommonMark has no task lists: `[ ] ` stays text at the start of the item's first paragraph. We look
/// for exactly that shape in the tree, never at the rendered HTML.
enum TaskListExtractor {
    /// Extracts the items and rewrites the document so each box renders as a disabled checkbox.
    ///
    /// For one piece of a document (`MarkdownPieces`), its lines are `lineShift` after the piece's own, and
    /// `section` is the heading the pieces before it ended under (updated to the one this piece ends under).
    static func extract(from document: CmarkDocument, lineShift: Int, section: inout String) -> [TaskItem] {
        var items: [TaskItem] = []
        var boxes: [(OpaquePointer, Bool)] = []
        document.forEachNode { node in
            switch CmarkNode.type(node) {
            case CMARK_NODE_HEADING:
                section = CmarkNode.plainText(node).trimmingCharacters(in: .whitespaces)
            case CMARK_NODE_ITEM:
                guard let paragraph = cmark_node_first_child(node), CmarkNode.type(paragraph) == CMARK_NODE_PARAGRAPH,
                      let first = cmark_node_first_child(paragraph), CmarkNode.type(first) == CMARK_NODE_TEXT,
                      let checked = box(CmarkNode.literal(first)) else { return }
                var check: String?
                if let last = cmark_node_last_child(paragraph), last != first, CmarkNode.type(last) == CMARK_NODE_CODE {
                    let code = CmarkNode.literal(last).trimmingCharacters(in: .whitespaces)
                    if code.hasPrefix("check:") { check = String(code.dropFirst(6)).trimmingCharacters(in: .whitespaces) }
                }
                var text = CmarkNode.plainText(paragraph)
                text = String(text.dropFirst(4))
                if check != nil, let range = text.range(of: "check:", options: .backwards) {
                    text = String(text[..<range.lowerBound])
                }
                items.append(TaskItem(text: text.trimmingCharacters(in: .whitespaces), checked: checked, section: section,
                                      line: Int(cmark_node_get_start_line(node)) + lineShift, check: check))
                boxes.append((first, checked))
            default:
                break
            }
        }
        for (text, checked) in boxes { replaceBox(in: text, checked: checked) }
        return items
    }

    /// `true` for `[x] `, `false` for `[ ] `, nil otherwise.
    private static func box(_ text: String) -> Bool? {
        let scalars = Array(text.unicodeScalars.prefix(4))
        guard scalars.count >= 3, scalars[0] == "[", scalars[2] == "]", scalars.count == 3 || scalars[3] == " " else { return nil }
        switch scalars[1] {
        case " ": return false
        case "x", "X": return true
        default: return nil
        }
    }

    /// Drops the `[ ] ` text and puts a checkbox before the rest (a custom inline, so safe mode keeps it).
    private static func replaceBox(in text: OpaquePointer, checked: Bool) {
        let rest = String(CmarkNode.literal(text).unicodeScalars.dropFirst(4))
        cmark_node_set_literal(text, rest)
        guard let input = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        let html = checked
            ? #"<input type="checkbox" class="task" checked disabled aria-label="done"> "#
            : #"<input type="checkbox" class="task" disabled aria-label="not done"> "#
        cmark_node_set_on_enter(input, html)
        cmark_node_insert_before(text, input)
    }
}
