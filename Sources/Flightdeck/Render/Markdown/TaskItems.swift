/// A document's task-list items, in document order, kept compactly: their texts side by side in blocks, each item's
/// line, box and text in 8 bytes, headings and checks once per run or check. A checklist of 60,000 items took 9 MB
/// as `TaskItem`s (a string of its own for each text, 64 bytes an item) and takes less than half that here. It reads
/// as a collection of `TaskItem`, each made when read.
package struct TaskItems: RandomAccessCollection, Sendable, Equatable, Encodable, ExpressibleByArrayLiteral {
    /// An item's text (where in `texts`) and line, with its box in the line's top bit.
    private struct Row: Sendable {
        var text: UInt32
        var lineAndBox: UInt32
    }

    private var rows: [Row] = []
    private var texts = Texts()
    /// The first item of each run of items under one heading, and the heading's text.
    private var sectionStarts: [Int32] = []
    private var sectionNames: [String] = []
    /// The items that have a check, in order; `checks` has their expressions.
    private var checkPositions: [Int32] = []
    /// The items' `check:` expressions, in order.
    package private(set) var checks: [String] = []

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
        let position = Int32(rows.count)
        if sectionNames.last != item.section {
            sectionStarts.append(position)
            sectionNames.append(item.section)
        }
        if let check = item.check {
            checkPositions.append(position)
            checks.append(check)
        }
        let line = UInt32(clamping: Swift.max(item.line, 0)) & 0x7FFF_FFFF
        rows.append(Row(text: texts.add(item.text), lineAndBox: item.checked ? line | 0x8000_0000 : line))
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
        return TaskItem(text: texts.text(at: row.text), checked: isChecked(position), section: section(position),
                        line: Int(row.lineAndBox & 0x7FFF_FFFF), check: checkIndex(position).map { checks[$0] })
    }

    /// Whether the item at `position` is ticked (without making its text).
    package func isChecked(_ position: Int) -> Bool { rows[position].lineAndBox & 0x8000_0000 != 0 }

    /// The position in `checks` of the item's check, if it has one.
    package func checkIndex(_ position: Int) -> Int? {
        let index = Self.lastIndex(in: checkPositions, atMost: position)
        return index.flatMap { checkPositions[$0] == position ? $0 : nil }
    }

    /// The item's heading ("" when there is none above it).
    package func section(_ position: Int) -> String {
        Self.lastIndex(in: sectionStarts, atMost: position).map { sectionNames[$0] } ?? ""
    }

    /// Which run of items under one heading the item is in: a heading repeated after another starts a new run.
    package func sectionRun(_ position: Int) -> Int {
        Self.lastIndex(in: sectionStarts, atMost: position) ?? 0
    }

    /// The index of the last of the sorted `values` that is at most `value`, by binary search.
    private static func lastIndex(in values: [Int32], atMost value: Int) -> Int? {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if Int(values[middle]) <= value { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : low - 1
    }

    package static func == (a: TaskItems, b: TaskItems) -> Bool { a.elementsEqual(b) }

    /// Encoded as the list of items.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for item in self { try container.encode(item) }
    }
}

/// Texts kept side by side, each after its length, in `TextStore`'s blocks of 64 KiB (a longer text in a block of its own), and
/// found by a 32-bit address: the block's number in the top 16 bits, the offset in it in the low 16.
private struct Texts: Sendable {
    /// `TextStore.blockBytes`, so that a 16-bit offset reaches every byte of a shared block.
    private static let blockBytes = TextStore.blockBytes
    private var blocks: [TextBlock] = []

    /// Keeps `text`; returns its address.
    mutating func add(_ text: String) -> UInt32 {
        var text = text
        return text.withUTF8 { bytes in
            var lengthBytes = 1
            while bytes.count >> (7 * lengthBytes) > 0 { lengthBytes += 1 }
            let size = lengthBytes + bytes.count
            if blocks.last.map({ Self.blockBytes - $0.used < size }) ?? true {
                blocks.append(TextBlock(capacity: max(size, Self.blockBytes)))
            }
            let block = blocks[blocks.count - 1]
            let start = block.used
            var count = bytes.count
            for index in 0..<lengthBytes {   // the length, 7 bits a byte, low bits first; the top bit says more follow
                block.append(UInt8(count & 0x7F) | (index < lengthBytes - 1 ? 0x80 : 0))
                count >>= 7
            }
            block.append(bytes)
            // A block of its own starts at 0, so a text longer than a block still has a 16-bit offset.
            return UInt32(blocks.count - 1) << 16 | UInt32(start)
        }
    }

    /// The text at `address`.
    func text(at address: UInt32) -> String {
        let block = blocks[Int(address >> 16)]
        var offset = Int(address & 0xFFFF)
        var count = 0
        var shift = 0
        while true {
            let byte = block.base[offset]
            offset += 1
            count |= Int(byte & 0x7F) << shift
            shift += 7
            if byte & 0x80 == 0 { break }
        }
        return String(decoding: UnsafeBufferPointer(start: block.base + offset, count: count), as: UTF8.self)
    }
}
