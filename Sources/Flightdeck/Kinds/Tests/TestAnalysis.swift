import FlightdeckCore
import Foundation

/// Computes test figures: totals by outcome, success rate and the seed's verdict bands, per suite,
/// slowest tests, failures, and the changes against the previous release.
package enum TestAnalysis {
    /// How many slowest tests are listed.
    static let slowestCount = 10

    /// Computes the figures in one pass over the cases; lists are built only for the tests they name.
    package static func analyse(_ results: TestResults, previous: TestResults?, thresholds: TestThresholds) -> TestFigures {
        var counts = OutcomeCounts([TestCase]())
        var suites: [SuiteFigures] = []
        var failures: [TestFailure] = [], flaky: [TestRef] = [], skipped: [TestRef] = [], top: [TestRef] = []
        var totalDuration = 0.0
        for file in results.files {
            for suite in file.suites {
                var suiteCounts = OutcomeCounts([TestCase]())
                var suiteDuration = 0.0
                for test in suite.cases {
                    suiteCounts.add(test)
                    if let duration = test.duration {
                        suiteDuration += duration
                        if top.count < slowestCount || duration >= (top.last?.duration ?? 0) {
                            top = slowest(top + [ref(test, path: file.path)], count: slowestCount)
                        }
                    }
                    switch test.outcome {
                    case .failed, .error:
                        failures.append(TestFailure(test: ref(test, path: file.path), message: test.message, failureType: test.failureType,
                                                    trace: test.trace, systemOut: test.systemOut, systemErr: test.systemErr))
                    case .skipped: skipped.append(ref(test, path: file.path))
                    case .passed: if test.flaky { flaky.append(ref(test, path: file.path)) }
                    }
                }
                counts.add(suiteCounts)
                totalDuration += suiteDuration
                suites.append(SuiteFigures(name: suite.name, path: file.path, runner: file.runner, counts: suiteCounts,
                                           successRate: suiteCounts.successRate, duration: suiteDuration))
            }
        }
        let (verdict, reason) = verdict(counts, thresholds)
        return TestFigures(
            counts: counts, successRate: counts.successRate, verdict: verdict, verdictReason: reason,
            totalDuration: totalDuration, suites: suites, slowest: top, failures: failures, flaky: flaky, skipped: skipped,
            comparison: previous.map { compare(results.cases, $0.cases) }, thresholds: thresholds)
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
    static func compare(_ current: [TestCase], _ previous: [TestCase]) -> TestComparison {
        var now: [String: TestOutcome] = [:], before: [String: TestOutcome] = [:]
        now.reserveCapacity(current.count)
        before.reserveCapacity(previous.count)
        for test in current { now[test.id] = test.outcome }
        for test in previous { before[test.id] = test.outcome }
        // One pass over the tests; only the (short) lists are sorted.
        var newFailures: [String] = [], fixed: [String] = [], stillFailing: [String] = [], added: [String] = []
        for (id, outcome) in now {
            let old = before[id]
            if outcome.isFailing {
                if old?.isFailing == true { stillFailing.append(id) } else { newFailures.append(id) }
            } else if outcome == .passed && old?.isFailing == true {
                fixed.append(id)
            }
            if old == nil { added.append(id) }
        }
        let removed = before.keys.filter { now[$0] == nil }
        return TestComparison(previousTotal: previous.count, newFailures: newFailures.sorted(), fixed: fixed.sorted(),
                              stillFailing: stillFailing.sorted(), added: added.sorted(), removed: removed.sorted())
    }
}
