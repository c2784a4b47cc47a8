import Foundation
import Testing
@testable import Flightdeck
import FlightdeckTemplates

/// The tests page's analysis: each listed test's history over the product's recent releases, flaky tests by
/// flips, and failure categories from flightdeck.yaml.
@Suite struct TestHistoryTests {
    private func test(_ name: String, _ outcome: TestOutcome, message: String? = nil, trace: String? = nil, duration: Double? = nil) -> TestCase {
        TestCase(suite: "s", className: "c", name: name, duration: duration, outcome: outcome, message: message, trace: trace)
    }

    private func results(_ cases: [TestCase]) -> TestResults {
        TestResults(files: [TestFile(path: "tests/x.xml", format: "junit", runner: "unknown", suites: [TestSuite(name: "s", path: "tests/x.xml", cases: cases)])])
    }

    /// `r1` … `rN`, latest first (as the pipeline hands them over): `outcomes[k]` is `c::t`'s outcome in `r(k+1)`.
    private func earlier(_ outcomes: [TestOutcome?]) -> [EarlierTests] {
        outcomes.enumerated().map { k, outcome in
            EarlierTests(release: "r\(k + 1)", tests: outcome.map { results([test("t", $0), test("steady", .passed)]) })
        }
    }

    @Test func theStripRunsOldestFirstWithThisReleaseLastAndMarksAbsences() throws {
        let now = results([test("t", .failed), test("steady", .passed), test("new", .passed)])
        let figures = TestAnalysis.analyse(now, release: "now", history: earlier([.passed, nil, .error, .skipped]), thresholds: TestThresholds())
        let history = figures.history
        #expect(history.releases == ["r4", "r3", "r2", "r1", "now"])
        let row = try #require(history.tests["c::t"])
        #expect(row.outcomes == [.skipped, .error, .absent, .passed, .failed])
        #expect(row.flips == 2, "error → passed → failed; the skipped and absent releases are left out")
        #expect(figures.flipping.map(\.id) == ["c::t"])
        #expect(history.tests["c::steady"] == nil, "a passing test that is not among the slowest has no row")
        #expect(figures.comparison?.newFailures == ["c::t"], "the comparison is still with the latest earlier release")
    }

    @Test func theWindowHoldsTenEarlierReleasesAtMost() {
        let figures = TestAnalysis.analyse(results([test("t", .failed)]), release: "now",
                                           history: earlier(Array(repeating: .passed, count: 14)), thresholds: TestThresholds())
        #expect(figures.history.releases == (1...10).reversed().map { "r\($0)" } + ["now"])
        #expect(figures.history.tests["c::t"]?.outcomes.count == 11)
        #expect(figures.flipping.isEmpty, "one flip is a new failure, not flakiness")
    }

    @Test func fixedAndSlowestTestsHaveHistoriesToo() {
        let now = results([test("t", .passed, duration: 2), test("steady", .passed, duration: 1)])
        let figures = TestAnalysis.analyse(now, release: "now", history: earlier([.failed]), thresholds: TestThresholds())
        #expect(figures.comparison?.fixed == ["c::t"])
        #expect(figures.history.tests.keys.sorted() == ["c::steady", "c::t"])
        #expect(figures.history.tests["c::t"]?.outcomes == [.failed, .passed])
    }

    @Test func anchorsAreStableDistinctAndSafe() {
        let a = TestHistoryBuilder.anchor("com.example.Suite::test<script>\"x\"")
        #expect(a == TestHistoryBuilder.anchor("com.example.Suite::test<script>\"x\""))
        #expect(a.hasPrefix("test-com-example-suite-test-script-x-"))
        #expect(a.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        #expect(TestHistoryBuilder.anchor("A::b") != TestHistoryBuilder.anchor("a::b"), "case apart")
        #expect(TestHistoryBuilder.anchor("a::b c") != TestHistoryBuilder.anchor("a::b-c"), "punctuation apart")
        #expect(TestHistoryBuilder.anchor("日本::テスト").hasPrefix("test-"))
        #expect(TestHistoryBuilder.anchor(String(repeating: "x", count: 500)).count <= "test-".count + 40 + 1 + 10)
        // Exact values from the rule as a Python one-liner (ASCII letters and digits kept lower-cased, other runs as
        // one `-`, slug stops growing at 40, then hashlib.sha256(id.encode()).hexdigest()[:10]).
        #expect(TestHistoryBuilder.anchor("com.example.Suite::test<script>\"x\"") == "test-com-example-suite-test-script-x-3695df68a8")
        #expect(TestHistoryBuilder.anchor("Ünïcode::Test_42 über") == "test-n-code-test-42-ber-afb0dd8ed7")
        #expect(TestHistoryBuilder.anchor("日本::テスト") == "test-1706f935b9")
        #expect(TestHistoryBuilder.anchor(String(repeating: "x", count: 39) + "éZZ") == "test-" + String(repeating: "x", count: 39) + "-z-0688442138")
    }

    // MARK: Categories

    @Test func categoriesOfARealJUnitFileEqualPythonsRe() throws {
        let log = DiagnosticLog()
        let config = SiteConfig(parsing: SourceFile(path: "flightdeck.yaml", text: try FixtureLoader.text("analyse/categories/flightdeck.yaml")), log: log)
        #expect(log.diagnostics.map(\.description) == [])
        let thresholds = config.thresholds[TestsKind.self]
        #expect(thresholds.categories.map(\.name) == ["Set-up and tear-down", "Invalid state in set-up", "Second case", "Errors only", "Booleans"])
        let file = try #require(JUnitReader.read(try FixtureLoader.file("ingest/junit/real/dotnet/junit-testlogger-TestResults.xml"), log: DiagnosticLog()))
        let figures = TestAnalysis.analyse(TestResults(files: [file]), previous: nil, thresholds: thresholds)
        let expected = try #require(try FixtureLoader.json("analyse/categories/expected.json") as? [[String]])
        #expect(figures.failures.map { [$0.test.id, $0.category] } == expected)
        #expect(figures.categories.map(\.name) == ["Set-up and tear-down", "Invalid state in set-up", "Second case", "Booleans", "Product defects"],
                "configured categories with tests in their order, then the defaults")
        #expect(figures.categories.last?.isDefault == true && figures.categories.first?.isDefault == false)
    }

    @Test func anInvalidPatternIsAnErrorAtItsPlace() {
        let log = DiagnosticLog()
        let text = "title: x\ntests:\n  categories:\n    - name: Bad\n      message: '(unclosed'\n    - { name: Fine, trace: 'ok', statuses: [broken, lost] }\n"
        let config = SiteConfig(parsing: SourceFile(path: "flightdeck.yaml", text: text), log: log)
        #expect(log.diagnostics.map(\.description) == [
            "flightdeck.yaml:5:16: error: 'message' is not a valid regular expression: \"(unclosed\"",
            "flightdeck.yaml:6:53: error: 'statuses' lists failed or error (broken), found \"lost\"",
        ])
        #expect(config.thresholds[TestsKind.self].categories.map(\.name) == ["Fine"])
        #expect(config.thresholds[TestsKind.self].categories.first?.statuses == [.error])
    }

    @Test func patternsExamineTheFirst8192ScalarsOnly() throws {
        let category = try #require(TestCategory(name: "Deep", message: "needle", trace: nil))
        let limit = TestCategory.examinedLength
        #expect(category.matches(outcome: .failed, message: String(repeating: "é", count: limit - 6) + "needle", trace: nil))
        #expect(!category.matches(outcome: .failed, message: String(repeating: "é", count: limit - 5) + "needle", trace: nil))
        #expect(!category.matches(outcome: .skipped, message: "needle", trace: nil), "only failing outcomes are categorised")
        #expect(!category.matches(outcome: .failed, message: nil, trace: nil), "a pattern for a message the test lacks does not match")
    }

    @Test func unmatchedFailuresGoToTheDefaults() {
        let figures = TestAnalysis.analyse(results([test("a", .failed), test("b", .error), test("c", .passed)]), previous: nil, thresholds: TestThresholds())
        #expect(figures.failures.map(\.category) == ["Product defects", "Test defects"])
        #expect(figures.categories.map(\.name) == ["Product defects", "Test defects"])
    }
}

/// The compact history rows read and encode as the dictionary of rows they replace.
@Suite struct TestHistoryRowsTests {
    private let ids = ["b::z", "a::é", "a::e\u{301}x", "c::1", "A::b", "a::a"]

    private func rows(_ listed: [Int]) -> TestHistoryRows {
        let outcomes: [HistoryOutcome] = ids.indices.flatMap { k -> [HistoryOutcome] in [k.isMultiple(of: 2) ? .passed : .failed, .failed] }
        return TestHistoryRows(width: 2, outcomes: outcomes, rows: listed.map { (ids[$0], $0) })
    }

    private func dictionary(_ listed: [Int]) -> [String: TestHistoryRow] {
        Dictionary(listed.map { k in
            let outcomes: [HistoryOutcome] = [k.isMultiple(of: 2) ? .passed : .failed, .failed]
            return (ids[k], TestHistoryRow(anchor: TestHistoryBuilder.anchor(ids[k]), outcomes: outcomes, flips: TestHistoryBuilder.flips(outcomes)))
        }, uniquingKeysWith: { first, _ in first })
    }

    @Test func lookupsAndKeysMatchADictionary() {
        let listed = [3, 0, 5, 0, 1, 4, 3]
        let compact = rows(listed), expected = dictionary(listed)
        #expect(compact.count == expected.count)
        #expect(compact.keys == expected.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        for id in ids + ["", "zz", "a::"] { #expect(compact[id] == expected[id], "\(id)") }
        let kept = compact.filter { $0.hasPrefix("a") }
        #expect(kept.keys == ["a::a", "a::é"] && kept["a::é"] == expected["a::é"] && kept["b::z"] == nil)
    }

    @Test func encodesAsTheDictionaryItReplaces() throws {
        struct Holder<Tests: Encodable>: Encodable { let tests: Tests; let after = 1 }
        let listed = Array(ids.indices)
        let json = try FiguresJSON.data(of: Holder(tests: rows(listed)))
        #expect(json == (try FiguresJSON.data(of: Holder(tests: dictionary(listed)))))
        #expect(json == (try FiguresJSON.dataThroughJSONEncoder(of: Holder(tests: dictionary(listed)))))
        #expect(try Value.encode(Holder(tests: rows(listed))) == (try Value.encode(Holder(tests: dictionary(listed)))))
        #expect(try FiguresJSON.data(of: Holder(tests: rows([]))) == (try FiguresJSON.data(of: Holder(tests: [String: TestHistoryRow]()))))
    }
}
