import FlightdeckCore
import Foundation

/// Computes test figures: totals by outcome, success rate and the seed's verdict bands, per suite,
/// slowest tests, failures, and the changes against the previous release.
package enum TestAnalysis {
    /// How many slowest tests are listed.
    static let slowestCount = 10

    /// The figures against one previous release (named `previous` in the history).
    package static func analyse(_ results: TestResults, previous: TestResults?, thresholds: TestThresholds) -> TestFigures {
        analyse(results, release: "this release", history: previous.map { [EarlierTests(release: "previous", tests: $0)] } ?? [],
                thresholds: thresholds)
    }

    /// Computes the figures in one pass over the cases; lists are built only for the tests they name. `history`
    /// holds the earlier releases of the product, latest first: the comparison is with the first, when it has tests.
    package static func analyse(_ results: TestResults, release: String, history earlier: [EarlierTests],
                                thresholds: TestThresholds) -> TestFigures {
        var counts = OutcomeCounts([TestCase]())
        var suites: [SuiteFigures] = []
        var failures: [TestFailure] = [], flaky: [TestRef] = [], skipped: [TestRef] = [], top: [TestRef] = []
        var totalDuration = 0.0
        // Sized once: growing a list of millions of failures would hold it twice over while it is copied.
        failures.reserveCapacity(results.files.reduce(0) { $0 + $1.suites.reduce(0) { $0 + $1.cases.count { $0.outcome.isFailing } } })
        for file in results.files {
            for suite in file.suites {
                var suiteCounts = OutcomeCounts([TestCase]())
                var suiteDuration = 0.0
                // By index: `for test in suite.cases` would copy (and retain the strings of) every case.
                for index in suite.cases.indices {
                    let outcome = suite.cases[index].outcome
                    suiteCounts.add(outcome, flaky: suite.cases[index].flaky)
                    if let duration = suite.cases[index].duration {
                        suiteDuration += duration
                        if top.count < slowestCount || duration >= (top.last?.duration ?? 0) {
                            top = slowest(top + [ref(suite.cases[index], path: file.path)], count: slowestCount)
                        }
                    }
                    switch outcome {
                    case .failed, .error:
                        failures.append(TestFailure(suite.cases, at: index, path: file.path))
                    case .skipped: skipped.append(ref(suite.cases[index], path: file.path))
                    case .passed: if suite.cases[index].flaky { flaky.append(ref(suite.cases[index], path: file.path)) }
                    }
                }
                counts.add(suiteCounts)
                totalDuration += suiteDuration
                suites.append(SuiteFigures(name: suite.name, path: file.path, runner: file.runner, counts: suiteCounts,
                                           successRate: suiteCounts.successRate, duration: suiteDuration))
            }
        }
        let (verdict, reason) = verdict(counts, thresholds)
        let comparison = earlier.first?.tests.map { compare(results, $0) }
        let table = TestHistoryBuilder.table(results, release: release, earlier: Array(earlier.prefix(AnalysisContext.historyDepth)))
        // Each failing test's id, made once: the category lists and the history rows share the strings.
        let failureIDs = failures.map(\.testCase.id)
        let (names, categories) = TestCategoriser.categorise(failures, ids: failureIDs, categories: thresholds.categories)
        for index in failures.indices {
            failures[index].category = names[index]
            // Categories match the whole text; pages and the export show its head (`TestFailure.Fold`).
            failures[index] = failures[index].folded(keepText: index < TestFailure.Fold.failures)
        }

        let flipping = refs(results, ids: Set(TestHistoryBuilder.flipping(table)))
        typealias Listed = (key: TestHistoryBuilder.Key, id: String?)
        let listed: [AnySequence<Listed>] = [
            AnySequence(failures.indices.lazy.map { (TestHistoryBuilder.Key(failures[$0].testCase), failureIDs[$0]) }),
            AnySequence([flaky, flipping, top].joined().lazy.map { (TestHistoryBuilder.Key($0), $0.id) }),
        ]
        let history = TestHistoryBuilder.history(table, keys: listed.joined(), ids: comparison?.fixed ?? [])
        return TestFigures(
            counts: counts, successRate: counts.successRate, verdict: verdict, verdictReason: reason,
            totalDuration: totalDuration, suites: suites, slowest: top, failures: failures, flaky: flaky, skipped: skipped,
            comparison: comparison, flipping: flipping, history: history,
            categories: categories, thresholds: thresholds)
    }

    /// The named tests as refs, in file order (the last occurrence of an id).
    private static func refs(_ results: TestResults, ids: Set<String>) -> [TestRef] {
        guard !ids.isEmpty else { return [] }
        var found: [String: TestRef] = [:], order: [String] = []
        for file in results.files {
            for suite in file.suites {
                for index in suite.cases.indices where ids.contains(suite.cases[index].id) {
                    let test = suite.cases[index]
                    if found.updateValue(ref(test, path: file.path), forKey: test.id) == nil { order.append(test.id) }
                }
            }
        }
        return order.compactMap { found[$0] }
    }

    /// The `count` slowest tests, slowest first, ties by id; one pass keeping a small sorted list.
    static func slowest(_ refs: [TestRef], count: Int) -> [TestRef] {
        func before(_ a: TestRef, _ b: TestRef) -> Bool {
            let da = a.duration ?? 0, db = b.duration ?? 0
            return da != db ? da > db : a.id < b.id
        }
        var top: [TestRef] = []
        for ref in refs where ref.duration != nil {
            if top.count == count, let last = top.last, !before(ref, last) { continue }
            let at = top.firstIndex { before(ref, $0) } ?? top.count
            top.insert(ref, at: at)
            if top.count > count { top.removeLast() }
        }
        return top
    }

    static func ref(_ test: TestCase, path: String) -> TestRef {
        TestRef(id: test.id, suite: test.suite, className: test.className, name: test.name, duration: test.duration,
                outcome: test.outcome, path: path)
    }

    /// READY at or above `readyPercent`, PROCEED_WITH_CAUTION at or above `cautionPercent`, else NOT_READY.
    static func verdict(_ counts: OutcomeCounts, _ t: TestThresholds) -> (TestVerdict, String) {
        guard let rate = counts.successRate else { return (.notReady, "no tests ran") }
        let percent = rate * 100
        let shown = FigureText.percent(rate)
        if percent >= t.readyPercent { return (.ready, "success rate \(shown) is at least \(FigureText.number(t.readyPercent, decimals: 6))%") }
        if percent >= t.cautionPercent {
            return (.proceedWithCaution, "success rate \(shown) is below \(FigureText.number(t.readyPercent, decimals: 6))% but at least \(FigureText.number(t.cautionPercent, decimals: 6))%")
        }
        return (.notReady, "success rate \(shown) is below \(FigureText.number(t.cautionPercent, decimals: 6))%")
    }

    /// Compares by test id; a test id seen twice in one release counts by its last occurrence (the totals count every test).
    static func compare(_ current: TestResults, _ previous: TestResults) -> TestComparison {
        // One table of both releases' outcomes by id (the last occurrence of an id winning in each), read in place:
        // `TestResults.cases` would copy every case, and two tables would cost a second lookup per test.
        var outcomes: [String: (now: TestOutcome?, before: TestOutcome?)] = [:]
        outcomes.reserveCapacity(max(count(current), count(previous)))
        for file in previous.files {
            for suite in file.suites {
                for index in suite.cases.indices { outcomes[suite.cases[index].id, default: (nil, nil)].before = suite.cases[index].outcome }
            }
        }
        for file in current.files {
            for suite in file.suites {
                for index in suite.cases.indices { outcomes[suite.cases[index].id, default: (nil, nil)].now = suite.cases[index].outcome }
            }
        }
        // One pass over the tests; only the (short) lists are sorted.
        var newFailures: [String] = [], fixed: [String] = [], stillFailing: [String] = [], added: [String] = [], removed: [String] = []
        for (id, outcome) in outcomes {
            let old = outcome.before
            guard let now = outcome.now else {
                removed.append(id)
                continue
            }
            if now.isFailing {
                if old?.isFailing == true { stillFailing.append(id) } else { newFailures.append(id) }
            } else if now == .passed && old?.isFailing == true {
                fixed.append(id)
            }
            if old == nil { added.append(id) }
        }
        return TestComparison(previousTotal: count(previous), newFailures: newFailures.sorted(), fixed: fixed.sorted(),
                              stillFailing: stillFailing.sorted(), added: added.sorted(), removed: removed.sorted())
    }

    /// How many test cases the results hold.
    private static func count(_ results: TestResults) -> Int {
        results.files.reduce(0) { total, file in file.suites.reduce(total) { $0 + $1.cases.count } }
    }
}
