import Testing
@testable import Flightdeck

/// Test figures: counts, success rate, verdict bands, slowest, failures and release-to-release changes.
struct TestAnalysisTests {
    private func test(_ name: String, _ outcome: TestOutcome, _ duration: Double? = 1) -> TestCase {
        TestCase(suite: "s", className: "c", name: name, duration: duration, outcome: outcome)
    }

    /// A test that passed after failed attempts.
    private func flaky(_ name: String) -> TestCase {
        TestCase(suite: "s", className: "c", name: name, duration: 1, outcome: .passed, flaky: true, attempts: 2)
    }

    private func results(_ cases: [TestCase]) -> TestResults {
        TestResults(files: [TestFile(path: "tests/a.xml", format: "junit", runner: "pytest",
                                     suites: [TestSuite(name: "s", path: "tests/a.xml", cases: cases)])])
    }

    @Test func idsJoinClassOrSuiteAndName() {
        #expect(TestCase(suite: "s", className: "c", name: "n", outcome: .passed).id == "c::n")
        #expect(TestCase(suite: "suite", className: nil, name: "n", outcome: .passed).id == "suite::n")
        #expect(TestCase(suite: "", className: nil, name: "", outcome: .passed).id == "::")
        let long = TestCase(suite: "s", className: "tests.test_mod0.TestCase0", name: "test_é_😀", outcome: .passed)
        #expect(long.id == "tests.test_mod0.TestCase0::test_é_😀")
    }

    @Test func successRateLeavesSkippedOutAndCountsFlakyAsPassed() {
        let cases = [test("a", .passed), flaky("b"), test("c", .skipped), test("d", .failed)]
        let figures = TestAnalysis.analyse(results(cases), previous: nil, thresholds: TestThresholds())
        #expect(figures.counts == OutcomeCounts(cases))
        #expect([figures.counts.total, figures.counts.passed, figures.counts.flaky, figures.counts.skipped, figures.counts.failed] == [4, 2, 1, 1, 1])
        #expect(figures.successRate == 2.0 / 3.0)
        #expect(figures.verdict == .notReady)
        #expect(figures.failures.map(\.test.name) == ["d"])
        #expect(figures.flaky.map(\.name) == ["b"] && figures.skipped.map(\.name) == ["c"])
    }

    @Test(arguments: [(19, 1, TestVerdict.ready), (18, 2, .proceedWithCaution), (16, 4, .proceedWithCaution), (15, 5, .notReady)])
    func verdictBandsAreInclusive(passed: Int, failed: Int, verdict: TestVerdict) {
        let cases = (0..<passed).map { test("p\($0)", .passed) } + (0..<failed).map { test("f\($0)", .failed) }
        #expect(TestAnalysis.analyse(results(cases), previous: nil, thresholds: TestThresholds()).verdict == verdict)
    }

    @Test func noTestsIsNotReadyWithoutARate() {
        let figures = TestAnalysis.analyse(results([test("s", .skipped)]), previous: nil, thresholds: TestThresholds())
        #expect(figures.successRate == nil && figures.verdict == .notReady && figures.verdictReason == "no tests ran")
    }

    @Test func slowestAreOrderedByDurationThenID() {
        let cases = [test("a", .passed, 2), test("b", .passed, 5), test("c", .passed, nil), test("d", .passed, 5)]
        let figures = TestAnalysis.analyse(results(cases), previous: nil, thresholds: TestThresholds())
        #expect(figures.slowest.map(\.name) == ["b", "d", "a"])
        #expect(figures.totalDuration == 12)
    }

    @Test func comparesWithThePreviousRelease() {
        let before = results([test("keeps", .passed), test("breaks", .passed), test("heals", .failed), test("stuck", .error), test("gone", .passed)])
        let now = results([test("keeps", .passed), test("breaks", .failed), flaky("heals"), test("stuck", .failed), test("new", .error)])
        let comparison = TestAnalysis.analyse(now, previous: before, thresholds: TestThresholds()).comparison
        #expect(comparison?.previousTotal == 5)
        #expect(comparison?.newFailures == ["c::breaks", "c::new"])
        #expect(comparison?.fixed == ["c::heals"])
        #expect(comparison?.stillFailing == ["c::stuck"])
        #expect(comparison?.added == ["c::new"])
        #expect(comparison?.removed == ["c::gone"])
    }

    @Test func sameNamedTestsCountOnceEach() {
        let twice = results([test("same", .passed), test("same", .failed)])
        let figures = TestAnalysis.analyse(twice, previous: twice, thresholds: TestThresholds())
        #expect(figures.counts.total == 2 && figures.counts.passed == 1 && figures.counts.failed == 1)
        #expect(figures.comparison?.previousTotal == 2)
    }
}
