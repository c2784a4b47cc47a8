import Testing
@testable import Flightdeck

@Suite struct ChecklistTests {
    private func figures(_ json: String) throws -> DataNode { try JSONReader.read(json, path: "<figures>") }

    private func analyse(_ markdown: String, figures json: String = "{}") throws -> (ChecklistFigures, [String]) {
        let rendered = try MarkdownRenderer.parse(markdown, file: "c.md", unsafeHTML: false, keepLinks: false)
        let checklist = Checklist(path: "c.md", tasks: rendered.tasks, html: rendered)
        let log = DiagnosticLog()
        let result = ChecklistAnalysis.analyse(checklist, figures: try figures(json), log: log)
        return (result, log.diagnostics.map(\.description))
    }

    @Test func boundChecksDecideTheStatusWhateverTheBox() throws {
        let (result, problems) = try analyse("""
            ## A
            - [ ] met `check: tests.success_rate >= 95`
            - [x] unmet `check: tests.success_rate > 99`
            - [x] ticked
            - [ ] open
            ## B
            - [ ] no data `check: rollout.status == complete`
            """, figures: #"{"tests": {"success_rate": 97.5}}"#)
        #expect(problems.isEmpty)
        #expect(result.tasks.map(\.status) == ["done", "failed", "done", "open", "open"])
        #expect(result.tasks.map(\.checkStatus) == ["met", "unmet", nil, nil, "unknown"])
        #expect(result.tasks[0].actual == "97.5")
        #expect(result.done == 2 && result.failed == 1 && result.total == 5 && result.percent == 40)
        #expect(result.sections.map(\.name) == ["A", "B"])
        #expect(result.sections.map(\.done) == [2, 0])
    }

    /// Items carry their line in checklist.md, front matter counted: the parse's own task items, not copies.
    @Test func itemLinesAreTheFilesAfterFrontMatter() throws {
        let site = try SiteFixture("""
            -- flightdeck.yaml --
            title: Demo
            -- content/releases/1.0/release.yaml --
            title: "1.0"
            date: 2026-01-02
            -- content/releases/1.0/checklist.md --
            ---
            title: Ready
            ---
            # Checklist

            - [x] first
            - [ ] second
            """)
        defer { site.remove() }
        let checklist = try #require(site.model().0?.releases.first?.data[ChecklistKind.self])
        #expect(checklist.tasks.map(\.line) == [6, 7])
        #expect(checklist.tasks.map(\.section) == ["Checklist", "Checklist"])
        // A check's error is placed on its item's line.
        try site.write("content/releases/1.0/tests/junit.xml", #"<testsuite name="s"><testcase classname="c" name="a" time="1"/></testsuite>"#)
        try site.write("content/releases/1.0/checklist.md", "---\ntitle: Ready\n---\n# Checklist\n\n- [x] first\n- [ ] second `check: tests.sucess_rate >= 95`\n")
        let diagnostics = site.model().1.map(\.description)
        #expect(diagnostics.contains { $0.hasPrefix("content/releases/1.0/checklist.md:7:1: error: no figure 'tests.sucess_rate'") }, "\(diagnostics)")
    }

    @Test func misspeltFigureIsAnErrorWithDidYouMean() throws {
        let (_, problems) = try analyse("- [ ] x `check: tests.sucess_rate >= 95`\n", figures: #"{"tests": {"success_rate": 1}}"#)
        #expect(problems == ["c.md:1:1: error: no figure 'tests.sucess_rate'; did you mean 'success_rate'?"])
    }

    @Test(arguments: [
        ("`check: >= 95`", "c.md:1:1: error: check '>= 95' needs a path and a value around '>='"),
        ("`check: tests.success_rate >= lots`", "c.md:1:1: error: 'tests.success_rate' is a number; compare it with a number, not 'lots'"),
        ("`check: tests has spaces`", "c.md:1:1: error: check 'tests has spaces' must look like 'tests.success_rate >= 95'"),
        ("`check: tests`", "c.md:1:1: error: 'tests' is not a number or true/false; compare it with a value"),
    ])
    func malformedChecksAreErrors(_ check: String, _ expected: String) throws {
        let (_, problems) = try analyse("- [ ] x \(check)\n", figures: #"{"tests": {"success_rate": 1}}"#)
        #expect(problems == [expected])
    }

    @Test func booleanAndStringChecks() throws {
        let (result, problems) = try analyse("""
            - [ ] a `check: rollout.all_gates_passed`
            - [ ] b `check: rollout.status == 'complete'`
            - [ ] c `check: rollout.status != complete`
            """, figures: #"{"rollout": {"all_gates_passed": true, "status": "complete"}}"#)
        #expect(problems.isEmpty)
        #expect(result.tasks.map(\.status) == ["done", "done", "failed"])
    }
}

@Suite struct VerdictTests {
    @Test func anyBlockerMakesNoGoAndBlockersComeFirst() {
        let verdict = Verdict(reasons: [
            .init(level: .pass, area: "tests", message: "ok", evidence: "#tests"),
            .init(level: .pending, area: "signoffs", message: "waiting", needs: ["qa sign-off"], evidence: "signoffs.html"),
            .init(level: .blocker, area: "rollout", message: "rolled back", needs: ["a new rollout"], evidence: "#rollout"),
        ])
        #expect(verdict.decision == .noGo)
        #expect(verdict.reasons.map(\.area) == ["rollout", "signoffs", "tests"])
        #expect(verdict.decision.exitCode == 1)
        #expect(verdict.needs == ["a new rollout", "qa sign-off"], "blockers' needs first")
    }

    @Test func pendingWithoutBlockersAndGoWhenAllPass() {
        #expect(Verdict(reasons: [.init(level: .pending, area: "a", message: "", evidence: ""), .init(level: .pass, area: "b", message: "", evidence: "")]).decision == .pending)
        #expect(Verdict(reasons: [.init(level: .pass, area: "b", message: "", evidence: "")]).decision == .go)
        #expect(Verdict(reasons: []).decision == .pending)
    }

    @Test func signoffsRejectedBlockAndOutstandingArePending() throws {
        let signoffs = Signoffs(path: "s.yaml", required: ["qa", "ops", "eng"], entries: [
            .init(role: "qa", approver: "A", decision: .rejected, date: nil, comment: "no", line: 3),
            .init(role: "ops", approver: "B", decision: .approved, date: nil, comment: nil, line: 4),
        ])
        let figures = SignoffAnalysis.analyse(signoffs)
        #expect(figures.roles.map(\.status) == ["rejected", "approved", "missing"])
        #expect(figures.outstanding == ["eng"] && figures.rejected == ["qa"] && !figures.complete)
        let reason = try #require(SignoffsKind.reason(figures))
        #expect(reason.level == .blocker)
        #expect(reason.message == "rejected by qa; unverified (no digest, written by hand): ops; waiting for eng")
        #expect(reason.needs == ["qa approval (now rejected)", "ops sign-off recorded with flightdeck signoff", "eng sign-off"])
    }
    /// A reason names five items of a list and counts the rest, in its message and in its needs.
    @Test func longListsAreNamedFiveThenCounted() throws {
        let roles = (1...9).map { "r\($0)" }
        let waiting = SignoffAnalysis.analyse(Signoffs(path: "s.yaml", required: roles, entries: [
            .init(role: "r2", approver: "A", decision: .rejected, date: nil, comment: "no", line: 3),
        ]))
        let reason = try #require(SignoffsKind.reason(waiting))
        #expect(reason.message == "rejected by r2; waiting for r1, r3, r4, r5, r6 and 3 more")
        #expect(reason.needs == ["r2 approval (now rejected)", "r1 sign-off", "r3 sign-off", "r4 sign-off", "r5 sign-off", "r6 sign-off",
                                 "3 more sign-offs"])

        let checklist = ChecklistFigures(tasks: ChecklistItems((1...8).map {
            ChecklistFigures.Item(text: "item \($0)", section: "A", checked: false, check: nil, checkStatus: nil, actual: nil,
                                  status: $0 == 8 ? "done" : "open", anchor: "item-\($0)")
        }), sections: [.init(name: "A", total: 8, done: 1)], total: 8, done: 1, failed: 0, percent: 12.5)
        let open = try #require(ChecklistKind.reason(checklist))
        #expect(open.message == "1 of 8 items done")
        #expect(open.needs == (1...5).map { "checklist item \"item \($0)\" done" } + ["2 more checklist items done"])
        var failing = checklist
        failing.tasks = ChecklistItems(checklist.tasks.enumerated().map { index, item in
            var item = item
            if index < 7 { item.status = "failed" }
            return item
        })
        failing.failed = 7
        let blocked = try #require(ChecklistKind.reason(failing))
        #expect(blocked.message == #"7 items fail their check: "item 1", "item 2", "item 3", "item 4", "item 5" and 2 more"#)
        #expect(blocked.needs.count == 6 && blocked.needs.last == "2 more checklist items passing their checks")
        #expect(blocked.evidence == "checklist.html#item-1")
    }
}
