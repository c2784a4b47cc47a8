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
    package var tasks: [Item]
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

/// Pure computation of checklist progress.
enum ChecklistAnalysis {
    /// Evaluates each item; malformed checks and misspelt figure names go to the log.
    static func analyse(_ checklist: Checklist, figures: DataNode, log: DiagnosticLog) -> ChecklistFigures {
        var items: [ChecklistFigures.Item] = []
        items.reserveCapacity(checklist.tasks.count)   // sized once: growing it held one and a half lists at each step
        for (position, item) in checklist.tasks.enumerated() {
            var status = item.checked ? "done" : "open"
            var checkStatus: String?
            var actual: String?
            if let text = item.check {
                let location = SourceLocation(file: checklist.path, line: item.line, column: 1)
                switch MetricCheck.parse(text).flatMap({ $0.evaluate(in: figures) }) {
                case .success(let (outcome, value)):
                    checkStatus = outcome.rawValue
                    actual = value
                    status = switch outcome { case .met: "done"; case .unmet: "failed"; case .unknown: "open" }
                case .failure(let error):
                    log.error(error.message, at: location)
                    checkStatus = MetricCheck.Outcome.unknown.rawValue
                }
            }
            items.append(.init(text: item.text, section: item.section, checked: item.checked, check: item.check,
                               checkStatus: checkStatus, actual: actual, status: status, anchor: "item-\(position + 1)"))
        }
        var sections: [ChecklistFigures.Section] = []
        for item in items {
            if sections.last?.name != item.section { sections.append(.init(name: item.section, total: 0, done: 0)) }
            sections[sections.count - 1].total += 1
            if item.status == "done" { sections[sections.count - 1].done += 1 }
        }
        // Counted, not filtered: a filter copies every item it keeps.
        let done = items.count(where: { $0.status == "done" })
        return ChecklistFigures(tasks: items, sections: sections, total: items.count, done: done,
                                failed: items.count(where: { $0.status == "failed" }),
                                percent: items.isEmpty ? 0 : Double(done) * 100 / Double(items.count))
    }
}
