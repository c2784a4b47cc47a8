import FlightdeckCharts
import FlightdeckCore

/// Test-suite results under tests/: JUnit XML from any common runner, Visual Studio TRX, NUnit 3 XML, or the seed runner's JSON.
enum TestsKind: EvidenceKind {
    typealias Settings = TestThresholds

    static let id = "tests"
    static let title = "Test suites"
    static let overviewCharts = ["tests_outcomes"]
    static let hint = "JUnit XML, TRX, NUnit 3 XML or the test runner's JSON under tests/"
    static let subfolder: (name: String, extensions: [String])? = ("tests", ["xml", "trx", "json"])
    static let requiredByDefault = true
    static let formats = [
        DataFormat(id: "junit-xml", title: "JUnit XML (Surefire, pytest, Jest, gotestsum, CTest, Eclipse…)",
                   destination: { "tests/\($0.hasSuffix(".xml") ? $0 : $0 + ".xml")" },
                   recognise: { $0.startsWithElement(["testsuites", "testsuite", "testrun"]) ? 1 : 0 }),
        DataFormat(id: "trx", title: "Visual Studio test results (TRX: dotnet test, vstest, MSTest, xUnit, NUnit adapters)",
                   destination: { "tests/\($0.hasSuffix(".trx") ? $0 : $0 + ".trx")" },
                   recognise: { sample in
                       guard sample.startsWithElement(["TestRun"]) else { return 0 }
                       return sample.head.contains("schemas/VisualStudio/TeamTest") ? 1 : 0.8
                   }),
        DataFormat(id: "nunit3-xml", title: "NUnit 3 result XML (nunit3-console, NUnit engine, Unity)",
                   destination: { "tests/\($0.hasSuffix(".xml") ? $0 : $0 + ".xml")" },
                   recognise: { $0.startsWithElement(["test-run"]) ? 1 : 0 }),
        DataFormat(id: "seed-test-json", title: "the seed test runner's JSON results",
                   destination: { "tests/\($0.hasSuffix(".json") ? $0 : $0 + ".json")" },
                   recognise: { sample in
                       guard sample.start.hasPrefix("[") || sample.start.hasPrefix("{") else { return 0 }
                       return sample.share(of: ["\"test_name\"", "\"status\""]) * 0.9
                   }),
    ]
    static let keptFigures = ["counts.total", "counts.passed", "counts.failed", "counts.error", "counts.skipped", "success_rate", "verdict"]

    static func read(_ release: ReleaseSource, in context: ReadContext) -> TestResults? {
        TestResultsReader.read(release, log: context.log)
    }

    static func analyse(_ results: TestResults, in context: AnalysisContext) -> TestFigures? {
        TestAnalysis.analyse(results, release: context.data.release.id,
                             history: context.history.map { EarlierTests(release: $0.release.id, tests: $0[TestsKind.self]) },
                             thresholds: context.thresholds[TestsKind.self])
    }

    /// READY passes, PROCEED_WITH_CAUTION waits for a review, NOT_READY blocks; new failures since the
    /// previous release weigh as `thresholds.tests.new_failures` says.
    static func reason(_ t: TestFigures) -> Verdict.Reason? {
        var message = t.verdictReason
        var level: Verdict.Reason.Level = switch t.verdict {
        case .ready: .pass
        case .proceedWithCaution: .pending
        case .notReady: .blocker
        }
        var needs: [String] = []
        if t.verdict != .ready {
            let now = t.successRate.map { " (now \(FigureText.percent($0)))" } ?? " (nothing ran)"
            needs.append("test success rate ≥ \(FigureText.number(t.thresholds.readyPercent))%\(now)")
        }
        var evidence = "#tests"
        if let new = t.comparison?.newFailures, !new.isEmpty {
            let count = "\(new.count) new failure\(new.count == 1 ? "" : "s") since the previous release"
            message += "; \(count): \(Verdict.Reason.listed(new))"
            evidence = "#new-failures"
            switch t.thresholds.newFailures {
            case .block:
                level = .blocker
                needs.append("\(count) fixed (tests.new_failures: block)")
            case .pending:
                if level == .pass { level = .pending }
                needs.append("\(count) fixed or accepted (tests.new_failures: pending)")
            case .ignore:
                break
            }
        }
        return .init(level: level, area: id, message: message, needs: needs, evidence: evidence)
    }

    /// Failures, flaky, skipped and flipping tests, suites (failing first), each category's tests and each list
    /// of the comparison cut to `PageRows.limit`; the history keeps only the rows of the tests the page shows.
    static func pageFigures(_ t: TestFigures) -> TestFigures {
        var t = t
        var omitted: [String: Int] = [:]
        func cut<Item>(_ items: inout [Item], _ name: String, into omitted: inout [String: Int], failing: (Item) -> Bool = { _ in true }) {
            let (rows, left) = PageRows.cut(items, failing: failing)
            items = rows
            if let left { omitted[name] = left }
        }
        cut(&t.failures, "failures", into: &omitted)
        cut(&t.flaky, "flaky", into: &omitted)
        cut(&t.skipped, "skipped", into: &omitted)
        cut(&t.flipping, "flipping", into: &omitted)
        cut(&t.suites, "suites", into: &omitted) { $0.counts.failed + $0.counts.error > 0 }
        t.omitted = omitted.isEmpty ? nil : omitted
        for index in t.categories.indices {
            let (rows, left) = PageRows.cut(t.categories[index].tests) { _ in true }
            (t.categories[index].tests, t.categories[index].testsOmitted) = (rows, left)
        }
        if var c = t.comparison {
            var left: [String: Int] = [:]
            cut(&c.newFailures, "new_failures", into: &left)
            cut(&c.fixed, "fixed", into: &left)
            cut(&c.stillFailing, "still_failing", into: &left)
            cut(&c.added, "added", into: &left)
            cut(&c.removed, "removed", into: &left)
            c.omitted = left.isEmpty ? nil : left
            t.comparison = c
        }
        // The history table lists the tests the page names; without a cut, all of them, as before.
        if !omitted.isEmpty || t.comparison?.omitted != nil || t.categories.contains(where: { $0.testsOmitted != nil }) {
            var shown = Set(t.failures.map(\.test.id))
            shown.formUnion(t.flaky.map(\.id))
            shown.formUnion(t.flipping.map(\.id))
            shown.formUnion(t.slowest.map(\.id))
            for category in t.categories { shown.formUnion(category.tests) }
            if let c = t.comparison { shown.formUnion(c.newFailures + c.fixed + c.stillFailing) }
            let before = t.history.tests.count
            t.history.tests = t.history.tests.filter { shown.contains($0) }
            if t.history.tests.count < before { t.history.testsOmitted = before - t.history.tests.count }
        }
        return t
    }

    static func charts(_ results: TestResults, figures: TestFigures, in context: ChartContext) -> [String: Chart] {
        TestCharts.charts(figures, prefix: context.prefix)
    }
}
