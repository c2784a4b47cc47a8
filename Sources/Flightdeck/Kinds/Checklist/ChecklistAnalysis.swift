/// Checklist completion, with bound checks evaluated.
package struct ChecklistFigures: Sendable, Encodable {
    /// One item and its state.
    package struct Item: Sendable, Encodable {
        /// The item text.
        package var text: String
        /// Its heading.
        package var section: String
        /// Ticked in the file.
        package var checked: Bool
        /// The bound check's text, if any.
        package var check: String?
        /// met, unmet or unknown, for items with a check.
        package var checkStatus: String?
        /// The figure's actual value, for items with a check.
        package var actual: String?
        /// done, failed or open. An item with a check takes its status from the data (met, unmet, unknown), whatever its box says.
        package var status: String
        /// Its anchor on the checklist page, `item-3` for the third item of the file.
        package var anchor: String
    }

    /// One heading's progress.
    package struct Section: Sendable, Encodable {
        /// The heading text.
        package var name: String
        /// Items under it.
        package var total: Int
        /// Items done.
        package var done: Int
        /// On pages, the items under it that the page lists, in file order (`ChecklistKind.pageFigures`); absent
        /// in summary.json, whose `tasks` has them all.
        package var tasks: [Item]? = nil
    }

    /// All items (on pages: at most `PageRows.limit`, failing then open then done ones, in file order).
    package var tasks: ChecklistItems
    /// On pages, how many items are not listed (absent when none is).
    package var tasksOmitted: Int? = nil
    /// Per heading, in order: a heading repeated after another is a section of its own (on pages: only those with
    /// items listed).
    package var sections: [Section]
    /// On pages, how many sections are not listed, none of their items being listed (absent when none is).
    package var sectionsOmitted: Int? = nil
    /// Number of items.
    package var total: Int
    /// Items done.
    package var done: Int
    /// Items whose check is unmet.
    package var failed: Int
    /// done / total × 100 (0 when there are no items).
    package var percent: Double
}

/// A checklist's items with their state, made when read from the checklist's own items (`TaskItems`) and the
/// results of their checks, not kept: 60,000 items kept as `ChecklistFigures.Item`s were 7 MB. A page's few items
/// are listed as they are (`listing`).
package struct ChecklistItems: RandomAccessCollection, Sendable, Encodable, ExpressibleByArrayLiteral {
    /// A check's result.
    struct CheckResult: Sendable {
        /// met, unmet or unknown.
        var outcome: MetricCheck.Outcome
        /// The figure's actual value, when the check could read it.
        var actual: String?
    }

    private enum Storage: Sendable {
        /// The checklist's items, and the result of each one's check, in the order of `TaskItems.checks`.
        case evaluated(TaskItems, results: [CheckResult])
        case listed([ChecklistFigures.Item])
    }
    private let storage: Storage

    /// The items of `tasks`, whose checks gave `results` (one for each of `tasks.checks`).
    init(_ tasks: TaskItems, results: [CheckResult]) {
        storage = .evaluated(tasks, results: results)
    }

    /// These items.
    package init(_ items: [ChecklistFigures.Item]) {
        storage = .listed(items)
    }

    package init(arrayLiteral items: ChecklistFigures.Item...) {
        self.init(items)
    }

    package var startIndex: Int { 0 }
    package var endIndex: Int {
        switch storage {
        case .evaluated(let tasks, _): tasks.count
        case .listed(let items): items.count
        }
    }

    /// The item at `position` with its state.
    package subscript(position: Int) -> ChecklistFigures.Item {
        switch storage {
        case .listed(let items):
            return items[position]
        case .evaluated(let tasks, let results):
            let task = tasks[position]
            let result = tasks.checkIndex(position).map { results[$0] }
            return .init(text: task.text, section: task.section, checked: task.checked, check: task.check,
                         checkStatus: result?.outcome.rawValue, actual: result?.actual, status: status(position),
                         anchor: "item-\(position + 1)")
        }
    }

    /// done, failed or open (`ChecklistFigures.Item.status`), without making the item.
    package func status(_ position: Int) -> String {
        switch storage {
        case .listed(let items):
            return items[position].status
        case .evaluated(let tasks, let results):
            guard let check = tasks.checkIndex(position) else { return tasks.isChecked(position) ? "done" : "open" }
            return switch results[check].outcome { case .met: "done"; case .unmet: "failed"; case .unknown: "open" }
        }
    }

    /// The items at `positions`, kept as they are (a page's few).
    package func listing(_ positions: [Int]) -> ChecklistItems {
        ChecklistItems(positions.map { self[$0] })
    }

    /// Encoded as the list of items.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for item in self { try container.encode(item) }
    }
}

/// Pure computation of checklist progress.
enum ChecklistAnalysis {
    /// Evaluates each item; malformed checks and misspelt figure names go to the log.
    static func analyse(_ checklist: Checklist, figures: DataNode, log: DiagnosticLog) -> ChecklistFigures {
        let tasks = checklist.tasks
        var results: [ChecklistItems.CheckResult] = []
        results.reserveCapacity(tasks.checks.count)
        for position in tasks.indices {
            guard let check = tasks.checkIndex(position) else { continue }
            switch MetricCheck.parse(tasks.checks[check]).flatMap({ $0.evaluate(in: figures) }) {
            case .success(let (outcome, value)):
                results.append(.init(outcome: outcome, actual: value))
            case .failure(let error):
                log.error(error.message, at: SourceLocation(file: checklist.path, line: tasks[position].line, column: 1))
                results.append(.init(outcome: .unknown, actual: nil))
            }
        }
        let items = ChecklistItems(tasks, results: results)
        // Counted from the kept state: no item is made.
        var sections: [ChecklistFigures.Section] = []
        var run = -1
        var done = 0
        var failed = 0
        for position in tasks.indices {
            if tasks.sectionRun(position) != run {
                run = tasks.sectionRun(position)
                sections.append(.init(name: tasks.section(position), total: 0, done: 0))
            }
            sections[sections.count - 1].total += 1
            switch items.status(position) {
            case "done":
                sections[sections.count - 1].done += 1
                done += 1
            case "failed": failed += 1
            default: break
            }
        }
        return ChecklistFigures(tasks: items, sections: sections, total: tasks.count, done: done, failed: failed,
                                percent: tasks.isEmpty ? 0 : Double(done) * 100 / Double(tasks.count))
    }
}
