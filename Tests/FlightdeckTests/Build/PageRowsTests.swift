import Foundation
import Testing
@testable import Flightdeck

/// A page lists at most `PageRows.limit` rows of a list, failing first, and says how many it leaves off;
/// summary.json and checks keep every row (issue #17: a page stays under 20 MB whatever the file).
@Suite struct PageRowsTests {
    @Test func shortListsStayWholeAndInOrder() {
        let (rows, omitted) = PageRows.cut(Array(0..<PageRows.limit)) { $0 % 2 == 0 }
        #expect(rows == Array(0..<PageRows.limit))
        #expect(omitted == nil)
    }

    @Test func longListsKeepFailingRowsFirstThenTheOthersInOrder() {
        let items = Array(0..<1_200)
        let (rows, omitted) = PageRows.cut(items) { $0 % 10 == 3 }
        #expect(rows.count == PageRows.limit)
        #expect(omitted == 700)
        #expect(Array(rows.prefix(120)) == items.filter { $0 % 10 == 3 })
        #expect(Array(rows.dropFirst(120)) == Array(items.filter { $0 % 10 != 3 }.prefix(380)))
        // More failing rows than fit: the first ones, in order.
        let (all, left) = PageRows.cut(items, limit: 50) { $0 >= 100 }
        #expect(all == Array(100..<150))
        #expect(left == 1_150)
    }

    @Test func ranksComeInTurnAndListedPositionsGoBackToFileOrder() {
        let items = Array(0..<1_200)
        let rank = { (k: Int) in k % 100 == 0 ? 0 : k % 10 == 0 ? 1 : 2 }
        let (rows, omitted) = PageRows.cut(items, rank: rank)
        #expect(omitted == 700)
        #expect(Array(rows.prefix(12)) == stride(from: 0, to: 1_200, by: 100).map { $0 })
        #expect(Array(rows[12..<120]) == items.filter { rank($0) == 1 })
        #expect(Array(rows.dropFirst(120)) == Array(items.filter { rank($0) == 2 }.prefix(380)))
        let (positions, left) = PageRows.listed(items, rank: rank)
        #expect(positions == rows.sorted() && left == 700)
        #expect(PageRows.listed(Array(0..<3), rank: { 2 - $0 }).positions == [0, 1, 2])
    }

    /// 1,200 operations, every tenth twice as slow (fails the 10% slowdown limit), the others 10% faster.
    private static let operations = (0..<1_200).map { k in
        "op_\(k),\(10 + k % 7),\(k % 10 == 0 ? Double(2 * (10 + k % 7)) : 0.9 * Double(10 + k % 7))\n"
    }.joined()

    /// A one-release site whose release folder holds `file` with `text`.
    private func site(_ file: String, _ text: String) throws -> SiteFixture {
        try SiteFixture("""
            -- flightdeck.yaml --
            title: Demo
            -- content/releases/1.0/release.yaml --
            title: "1.0"
            date: 2026-01-02
            -- content/releases/1.0/\(file) --
            \(text)
            """)
    }

    @Test func thePerformancePageListsFiveHundredOperationsFailingFirst() async throws {
        let site = try site("performance.csv", "operation,old_duration,new_duration\n" + Self.operations)
        defer { site.remove() }
        let report = try await Site(root: site.root).build()
        #expect(!report.diagnostics.contains { $0.severity == .error })
        let page = try site.read("public/releases/1.0/performance/index.html")
        // The operations table (the chart's own table comes before it).
        let table = try #require(page.components(separatedBy: "Operation comparisons</caption>").last?.components(separatedBy: "</table>").first)
        let rows = table.components(separatedBy: #"<tr><th scope="row">op_"#).dropFirst().map { $0.prefix { $0 != "<" } }
        #expect(rows.count == PageRows.limit)
        // The 120 failing operations first, in file order, then the passing ones from the start of the file.
        #expect(Array(rows.prefix(120)) == stride(from: 0, to: 1_200, by: 10).map { "\($0)"[...] })
        #expect(rows[120] == "1" && rows[121] == "2" && rows[129] == "11")
        #expect(page.contains(#"<p class="hint">700 more operations are not listed here (those missing their target are listed first); <a href="../../../releases/1.0/summary.json">summary.json</a> has all 1200.</p>"#))
        #expect(page.contains("120 of 1200 operations exceed the regression limits"))
        // The chart: the 40 operations that changed most (the failing ones, +100%).
        #expect(page.contains("for the 40 of 1200 operations that changed most"))
        #expect(page.utf8.count < 1_000_000)

        // summary.json keeps every operation, and no omitted count.
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(site.read("public/releases/1.0/summary.json").utf8)) as? [String: Any])
        let comparisons = try #require(((summary["figures"] as? [String: Any])?["performance"] as? [String: Any])?["comparisons"] as? [String: Any])
        #expect((comparisons["operations"] as? [Any])?.count == 1_200)
        #expect(comparisons["operations_omitted"] == nil)
    }

    @Test func theChartKeepsTheLargestChangesLargestFirst() {
        func delta(_ k: Int) -> Double? { k == 7 ? nil : Double((k * 37) % 100 - 50) / 100 }
        let operations: [ComparisonFigures.Operation] = (0..<100).map { (k: Int) -> ComparisonFigures.Operation in
            let comparison = OperationComparison(operation: "op_\(k)", oldDuration: 1, newDuration: 1, oldMemoryMb: nil, newMemoryMb: nil)
            return ComparisonFigures.Operation(comparison: comparison, performanceDelta: delta(k), memoryDelta: nil, speedup: nil, passed: true, reasons: [])
        }
        let kept: [String] = PerformanceCharts.largestChanges(operations).map { $0.comparison.operation }
        let order: [Int] = (0..<100).sorted { (a: Int, b: Int) -> Bool in
            let x = abs(delta(a) ?? 0), y = abs(delta(b) ?? 0)
            return x != y ? x > y : a < b
        }
        let expected: [String] = order.prefix(PageRows.chartBars).map { "op_\($0)" }
        #expect(kept == expected)
        #expect(PerformanceCharts.largestChanges(Array(operations.prefix(PageRows.chartBars))).count == PageRows.chartBars)
    }

    @Test func checksReadOnlyTheFiguresTheyNameAndFallBackToTheWholeTreeForAMisspeltName() throws {
        struct Figures: Encodable {
            struct Tests: Encodable { let successRate: Double; let failures: [String] }
            let tests: Tests
            let verdict: String
        }
        let figures = Figures(tests: .init(successRate: 0.5, failures: ["a", "b"]), verdict: "GO")
        let whole = try FiguresJSON.tree(of: figures)
        let part = try FiguresJSON.tree(of: figures, paths: ["tests.success_rate", "performance.recommendation"])
        #expect(part.entries?.map(\.key) == ["tests"])
        #expect(part.entries?.first?.value.entries?.map(\.key) == ["success_rate"])
        #expect(part.entries?.first?.value.entries?.first?.value.scalarText == "0.5")
        // A key that is not there: the whole tree, for the error's suggestions.
        let misspelt = try FiguresJSON.tree(of: figures, paths: ["tests.succes_rate"])
        #expect(misspelt.entries?.map(\.key) == whole.entries?.map(\.key))
        #expect(misspelt.entries?.first?.value.entries?.map(\.key) == ["failures", "success_rate"])
    }

    /// 712 items: a failing check, four open items and the rest done, in four sections, the first and the third
    /// with the same heading. The page lists the failing, the open, then the first 495 done items, each under its
    /// own section in file order (a repeated heading once listed the other section's items too); the last section
    /// has none listed and is left off.
    @Test func theChecklistPageListsFiveHundredItemsUnderTheirOwnSections() async throws {
        let build = (1...300).map { "- [x] build \($0)" }.joined(separator: "\n")
        let again = (1...400).map { "- [\($0 <= 3 ? " " : "x")] again \($0)" }.joined(separator: "\n")
        let site = try SiteFixture("""
            -- flightdeck.yaml --
            title: Demo
            -- content/releases/1.0/release.yaml --
            title: "1.0"
            date: 2026-01-02
            -- content/releases/1.0/tests/junit.xml --
            <testsuite name="s"><testcase classname="c" name="a" time="1"/><testcase classname="c" name="b" time="1"><failure message="x">y</failure></testcase></testsuite>
            -- content/releases/1.0/checklist.md --
            # Checklist

            ## Build

            \(build)

            ## Deploy

            - [ ] deploy first
            - [x] deploy gate `check: tests.success_rate >= 95`

            ## Build

            \(again)

            ## Release

            \((1...10).map { "- [x] release \($0)" }.joined(separator: "\n"))
            """)
        defer { site.remove() }
        let report = try await Site(root: site.root).build()
        #expect(!report.diagnostics.contains { $0.severity == .error }, "\(report.diagnostics)")
        let page = try site.read("public/releases/1.0/checklist.html")
        let sections = page.components(separatedBy: "<section ").dropFirst().map { section in
            section.components(separatedBy: #"<span class="text">"#).dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        #expect(sections.count == 3)
        #expect(sections.first == (1...300).map { "build \($0)" })
        #expect(sections.dropFirst().first == ["deploy first", "deploy gate"])
        #expect(sections.last == (1...198).map { "again \($0)" })
        #expect(page.contains(#"<li id="item-303" class="item item-open">"#) && page.contains(#"<li id="item-302" class="item item-failed">"#))
        #expect(page.contains("<p class=\"hint\">202 more items of this section not listed here.</p>"))
        #expect(page.contains(#"<p class="hint">212 more items, and 1 more section, not listed here: failing items come first, then open ones; <a href="../../releases/1.0/summary.json">summary.json</a> has them all.</p>"#))
        #expect(page.contains(#"707 of 712 done (99%), <strong class="text-blocker">1 failing</strong>"#), "the counts are of every item")
        #expect(page.contains(#"Build <span class="count">397/400</span>"#))
        let figures = try #require(site.model().0?.releases.first?.figures[ChecklistKind.self])
        #expect(figures.tasks.count == 712 && figures.tasksOmitted == nil && figures.sections.allSatisfy { $0.tasks == nil })
        #expect(figures.sections.map(\.total) == [300, 2, 400, 10])
        // All that is left off in one section: said once.
        let paged = ChecklistKind.pageFigures(ChecklistFigures(tasks: ChecklistItems(Array(figures.tasks.prefix(702))), sections: Array(figures.sections.prefix(3)),
                                                               total: 702, done: 697, failed: 1, percent: 99))
        #expect(paged.tasksOmitted == 202 && paged.sectionsOmitted == nil && paged.sections.map { $0.tasks?.count } == [300, 2, 198])
    }

    @Test func theTestsPageListsFiveHundredFailuresAndCountsThemAll() async throws {
        let cases = (0..<600).map { k in
            #"<testcase classname="c\#(k % 7)" name="t\#(k)" time="0.1"><failure message="boom \#(k)">at x</failure></testcase>"#
        }.joined(separator: "\n")
        let site = try site("tests/junit.xml", "<testsuite name=\"s\">\n\(cases)\n<testcase classname=\"c\" name=\"passes\" time=\"1\"/>\n</testsuite>")
        defer { site.remove() }
        let report = try await Site(root: site.root).build()
        #expect(!report.diagnostics.contains { $0.severity == .error })
        let page = try site.read("public/releases/1.0/tests/index.html")
        #expect(page.components(separatedBy: #"<details class="failure trace">"#).count - 1 == PageRows.limit)
        #expect(page.contains(#"<p class="hint">100 more failures not listed here; <a href="../../../releases/1.0/summary.json">summary.json</a> has them all.</p>"#))
        // The category counts every failing test; the history keeps the rows of the tests listed.
        #expect(page.contains(#"<td class="num">600</td><td><details><summary>600 tests</summary>"#))
        #expect(page.contains("History of 501 tests, those listed on this page"))   // and the slowest test
        #expect(page.contains("100 more test histories not listed here"))
        #expect(page.utf8.count < 2_000_000)
        let figures = try #require(site.model().0?.releases.first?.figures[TestsKind.self])
        #expect(figures.failures.count == 600 && figures.omitted == nil && figures.history.tests.count == 601)
    }
}
