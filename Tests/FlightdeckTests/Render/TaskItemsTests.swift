import Foundation
import Testing
@testable import Flightdeck

/// A document's task items kept compactly read back as the items that went in, in order, whatever their texts'
/// lengths (a length prefix of one to three bytes; a text longer than a block in a block of its own).
struct TaskItemsTests {
    static func items() -> [TaskItem] {
        let texts = ["", "a", "é ✓ 中", String(repeating: "x", count: 127), String(repeating: "y", count: 128),
                     String(repeating: "z", count: 16_383), String(repeating: "w", count: 16_384),
                     String(repeating: "long ", count: 30_000), "after the long one"]
        var items: [TaskItem] = []
        for round in 0..<40 {
            for (k, text) in texts.enumerated() {
                let section = round % 3 == 0 ? "" : round % 3 == 1 ? "Stage" : "Stage \(round / 4)"
                items.append(TaskItem(text: text, checked: (round + k) % 2 == 0, section: section, line: round * 100 + k + (round == 39 ? 2_000_000_000 : 0),
                                      check: k % 4 == 1 ? "tests.success_rate >= \(k)" : nil))
            }
        }
        return items
    }

    @Test func itemsReadBackAsTheyWentIn() throws {
        let items = Self.items()
        let kept = TaskItems(items)
        #expect(kept.count == items.count)
        #expect(Array(kept) == items)
        #expect(kept.checks == items.compactMap(\.check))
        for position in items.indices {
            #expect(kept.isChecked(position) == items[position].checked)
            #expect(kept.section(position) == items[position].section)
            #expect(kept.checkIndex(position).map { kept.checks[$0] } == items[position].check)
        }
        // A run is a change of heading from one item to the next.
        var runs = 0
        for position in items.indices where position > 0 && items[position].section != items[position - 1].section { runs += 1 }
        #expect(kept.sectionRun(items.count - 1) == runs)
        #expect(try FiguresJSON.data(of: kept) == FiguresJSON.dataThroughJSONEncoder(of: items))
        #expect(kept == TaskItems(items) && kept != TaskItems(items.dropLast()))
        #expect(TaskItems().isEmpty && TaskItems().checks.isEmpty)
    }
}
