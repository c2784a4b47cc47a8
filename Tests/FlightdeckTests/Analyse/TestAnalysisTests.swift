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

    /// Long failure texts are folded so that a page stays bounded: the first 60 lines or 6,000 bytes of each, with
    /// the number of lines left off, and no text after the first 500 failures. Categories still match the whole.
    @Test func longFailureTextsAreFolded() {
        let long = (1...100).map { "    at frame\($0)" }.joined(separator: "\n") + "\nDEEP-CAUSE"
        var cases = [TestCase(suite: "s", className: "c", name: "long", duration: 1, outcome: .failed, message: "m", trace: long,
                              systemOut: "one\ntwo\n")]
        cases += (0..<600).map { TestCase(suite: "s", className: "c", name: "f\($0)", duration: 1, outcome: .failed, message: "m", trace: "x\ny") }
        var thresholds = TestThresholds()
        thresholds.categories = [TestCategory(name: "Deep", message: nil, trace: "DEEP-CAUSE")].compactMap { $0 }
        let failures = TestAnalysis.analyse(results(cases), previous: nil, thresholds: thresholds).failures
        #expect(failures.count == 601)
        let first = failures[0]
        #expect(first.category == "Deep")
        #expect(first.trace == (1...60).map { "    at frame\($0)" }.joined(separator: "\n"))
        #expect(first.traceOmittedLines == 41)
        #expect(first.systemOut == "one\ntwo\n" && first.systemOutOmittedLines == nil)
        #expect(failures[499].trace == "x\ny" && failures[499].traceOmittedLines == nil)
        #expect(failures[500].trace == nil && failures[500].traceOmittedLines == 2 && failures[500].message == "m")
    }

    @Test func foldCutsAtALineEndOrACharacterWithinTheByteLimit() {
        // Lines of 200 bytes (199 and a line end): the 30th line's end is byte 5,999, the last line end within the
        // first 6,000 bytes, so 30 whole lines are shown and 70 of the 100 left off.
        let wide = (0..<100).map { _ in String(repeating: "a", count: 199) }.joined(separator: "\n")
        let (head, omitted) = TestFailure.fold(wide, keep: true)
        #expect(head?.utf8.count == 30 * 200 - 1 && omitted == 70)
        // One line of 7,000 two-byte characters: cut at 6,000 bytes, on a character boundary.
        let (cut, left) = TestFailure.fold(String(repeating: "é", count: 7_000), keep: true)
        #expect(cut == String(repeating: "é", count: 3_000) && left == 1)
        #expect(TestFailure.fold(nil, keep: true) == (nil, nil) && TestFailure.fold("a\nb", keep: false) == (nil, 2))
    }

    /// A test case is held for every test of a results file (millions, for the largest): its rarer fields live in
    /// a shared box (the description, which the seed runner writes for every test, stays inline), so that it
    /// stays at 88 bytes.
    @Test func aTestCaseStaysSmall() {
        #expect(MemoryLayout<TestCase>.stride <= 88, "\(MemoryLayout<TestCase>.stride) bytes")
        var test = TestCase(suite: "s", className: nil, name: "n", outcome: .passed, description: "d")
        #expect(test.duration == nil && test.description == "d")
        test.duration = 0.5
        test.description = nil
        #expect(test.duration == 0.5 && test.description == nil)
    }
}
