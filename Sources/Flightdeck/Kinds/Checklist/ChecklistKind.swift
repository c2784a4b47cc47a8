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
        checklist.tasks.contains { $0.check != nil }
    }

    /// Each item, its check evaluated against the other kinds' figures.
    static func reanalyse(_ checklist: Checklist, figures: ChecklistFigures?, tree: DataNode?, in context: AnalysisContext) -> ChecklistFigures? {
        ChecklistAnalysis.analyse(checklist, figures: tree ?? DataNode(.object([]), at: .file(checklist.path)), log: context.log)
    }

    /// A failing check blocks; open items wait; all done passes.
    static func reason(_ c: ChecklistFigures) -> Verdict.Reason? {
        let numbered = c.tasks.enumerated()
        let failing = numbered.filter { $0.element.status == "failed" }
        if let first = failing.first {
            let texts = failing.map { "\"\($0.element.text)\"" }.joined(separator: ", ")
            return .init(level: .blocker, area: id, message: "\(c.failed) item\(c.failed == 1 ? "" : "s") fail their check: \(texts)",
                         needs: failing.map { "checklist item \"\($0.element.text)\" passing its check" },
                         evidence: "checklist.html#\(first.element.anchor)")
        }
        let open = numbered.filter { $0.element.status == "open" }
        if let first = open.first {
            return .init(level: .pending, area: id, message: "\(c.done) of \(c.total) items done",
                         needs: open.map { "checklist item \"\($0.element.text)\" done" }, evidence: "checklist.html#\(first.element.anchor)")
        }
        return .init(level: .pass, area: id, message: "all \(c.total) items done", evidence: "checklist.html")
    }
}
