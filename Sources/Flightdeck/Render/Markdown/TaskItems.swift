/// A document's task-list items, in document order, kept compactly: their texts side by side in a `TextStore`, each
/// item's line, box, heading and check in 16 bytes. A checklist of 60,000 items took 9 MB as `TaskItem`s (a string
/// of its own for each text, 64 bytes an item) and takes about half that here. It reads as a collection of `TaskItem`.
package struct TaskItems: RandomAccessCollection, Sendable, Equatable, Encodable, ExpressibleByArrayLiteral {
    /// What an item keeps besides its text: indices into `sections` and `checks` (-1: none).
    private struct Row: Sendable {
        var line: Int32
        var section: Int32
        var check: Int32
        var checked: Bool
    }

    private var texts: [StoredText] = []
    private var rows: [Row] = []
    /// The headings, one entry for each run of items under the same one.
    private var sections: [String] = []
    /// The items' `check:` expressions, in order.
    package private(set) var checks: [String] = []
    private var store = TextStore()

    /// No items.
    package init() {}

    /// These items, in order.
    package init(_ items: some Sequence<TaskItem>) {
        for item in items { append(item) }
    }

    package init(arrayLiteral items: TaskItem...) {
        self.init(items)
    }

    /// Adds an item after the others.
    package mutating func append(_ item: TaskItem) {
        if sections.last != item.section { sections.append(item.section) }
        var check: Int32 = -1
        if let text = item.check {
            check = Int32(checks.count)
            checks.append(text)
        }
        texts.append(store.add(item.text))
        rows.append(Row(line: Int32(clamping: item.line), section: Int32(sections.count - 1), check: check, checked: item.checked))
    }

    /// Adds items after the others.
    package mutating func append(contentsOf items: some Sequence<TaskItem>) {
        for item in items { append(item) }
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int { rows.count }

    /// The item at `position`, made from what is kept.
    package subscript(position: Int) -> TaskItem {
        let row = rows[position]
        return TaskItem(text: texts[position].string, checked: row.checked, section: sections[Int(row.section)], line: Int(row.line),
                        check: row.check < 0 ? nil : checks[Int(row.check)])
    }

    /// Whether the item at `position` is ticked (without making its text).
    package func isChecked(_ position: Int) -> Bool { rows[position].checked }

    /// The position in `checks` of the item's check, if it has one.
    package func checkIndex(_ position: Int) -> Int? {
        let check = rows[position].check
        return check < 0 ? nil : Int(check)
    }

    /// The item's heading (a run of items under the same heading shares one `sectionRun`).
    package func section(_ position: Int) -> String { sections[Int(rows[position].section)] }

    /// Which run of items under one heading the item is in: a heading repeated after another starts a new run.
    package func sectionRun(_ position: Int) -> Int { Int(rows[position].section) }

    package static func == (a: TaskItems, b: TaskItems) -> Bool { a.elementsEqual(b) }

    /// Encoded as the list of items.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for item in self { try container.encode(item) }
    }
}
