/// The readiness checklist: checklist.md's task lists, whose items may bind to figures (`check:`).
enum ChecklistKind: EvidenceKind {
    static let id = "checklist"
    static let formats = [
        DataFormat(id: "checklist-markdown", title: "a readiness checklist (Markdown task list)", destination: { _ in "checklist.md" },
                   recognise: { sample in
                       guard !sample.start.hasPrefix("{"), !sample.start.hasPrefix("<") else { return 0 }
                       return sample.head.contains("- [ ]") || sample.head.contains("- [x]") || sample.head.contains("- [X]") ? 0.7 : 0
                   }),
    ]
    static let title = "Checklist"
    static let hint = "checklist.md"
    static let fileNames = ["checklist.md"]
    static let placement = KindPlacement.ownPage

    static func read(_ release: ReleaseSource, in context: ReadContext) -> Checklist? {
        ChecklistReader.read(release, unsafeHTML: context.config.markdownUnsafeHTML, keepLinks: context.keepLinks, log: context.log)
    }

    /// None in the first round: the checks read every other kind's figures.
    static func analyse(_ checklist: Checklist, in context: AnalysisContext) -> ChecklistFigures? {
        nil
    }

    static func readsFigureTree(_ checklist: Checklist) -> Bool {
        !checklist.tasks.checks.isEmpty
    }

    /// Each item, its check evaluated against the other kinds' figures.
    static func reanalyse(_ checklist: Checklist, figures: ChecklistFigures?, tree: DataNode?, in context: AnalysisContext) -> ChecklistFigures? {
        ChecklistAnalysis.analyse(checklist, figures: tree ?? DataNode(.object([]), at: .file(checklist.path)), log: context.log)
    }

    /// The items a page lists: at most `PageRows.limit`, failing ones first, then open, then done ones, shown in
    /// file order under their sections; only sections with items listed are kept.
    static func pageFigures(_ c: ChecklistFigures) -> ChecklistFigures {
        var paged = c
        let (positions, omitted) = PageRows.listed(c.tasks.indices) { c.tasks.status($0) == "failed" ? 0 : c.tasks.status($0) == "open" ? 1 : 2 }
        paged.tasks = c.tasks.listing(positions)
        paged.tasksOmitted = omitted
        // Sections are runs of consecutive items: section k holds the next `total` items.
        paged.sections = []
        var next = positions.makeIterator()
        var position = next.next()
        var start = 0
        for var section in c.sections {
            let end = start + section.total
            var listed: [ChecklistFigures.Item] = []
            while let p = position, p < end {
                listed.append(c.tasks[p])
                position = next.next()
            }
            start = end
            guard !listed.isEmpty else { continue }
            section.tasks = listed
            paged.sections.append(section)
        }
        if paged.sections.count < c.sections.count { paged.sectionsOmitted = c.sections.count - paged.sections.count }
        return paged
    }

    /// A failing check blocks; open items wait; all done passes.
    /// The message and the needs name the first `Verdict.Reason.namedItems` items and count the rest.
    static func reason(_ c: ChecklistFigures) -> Verdict.Reason? {
        let failing = c.tasks.lazy.filter { $0.status == "failed" }
        if let first = failing.first {
            let texts = Verdict.Reason.listed(failing.map { "\"\($0.text)\"" })
            return .init(level: .blocker, area: id, message: "\(c.failed) item\(c.failed == 1 ? "" : "s") fail their check: \(texts)",
                         needs: Verdict.Reason.needs(failing, each: { "checklist item \"\($0.text)\" passing its check" },
                                                     rest: { "\($0) more checklist items passing their checks" }),
                         evidence: "checklist.html#\(first.anchor)")
        }
        let open = c.tasks.lazy.filter { $0.status == "open" }
        if let first = open.first {
            return .init(level: .pending, area: id, message: "\(c.done) of \(c.total) items done",
                         needs: Verdict.Reason.needs(open, each: { "checklist item \"\($0.text)\" done" },
                                                     rest: { "\($0) more checklist items done" }),
                         evidence: "checklist.html#\(first.anchor)")
        }
        return .init(level: .pass, area: id, message: "all \(c.total) items done", evidence: "checklist.html")
    }
}
