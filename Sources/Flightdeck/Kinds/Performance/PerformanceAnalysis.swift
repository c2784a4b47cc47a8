import FlightdeckCore
import Foundation

/// Computes performance figures (seed 000's performance report and seed 002's old/new comparisons).
package enum PerformanceAnalysis {
    /// Computes the figures; improvements need the release's baseline, load-test comparisons the previous
    /// release's performance data (`previousRelease` is its id, for messages).
    package static func analyse(_ performance: Performance, baseline: Baseline?, previous: Performance? = nil, previousRelease: String? = nil,
                                thresholds t: PerformanceThresholds) -> PerformanceFigures {
        let results = performance.results
        let successful = results.filter(\.success)
        let knownTypes = BaselineAnalysis.knownTypes + Set((baseline?.metrics ?? []).map(\.jobType)).sorted()
        let definitions = Dictionary(performance.definitions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let tests = results.map { result in
            let definition = definitions[result.testName]
            return PerformanceTestFigures(
                result: result,
                jobType: definition?.jobType ?? knownTypes.first { result.testName.lowercased().contains($0.lowercased()) },
                parallelJobs: definition?.parallelJobs ?? 1, expectedDurationMin: definition?.expectedDurationMin)
        }
        let rate = Statistics.ratio(Double(successful.count), Double(results.count))
        let efficiency = Statistics.mean(successful.map(\.resourceEfficiency))
        let totalCost = Statistics.sum(successful.map(\.costEstimate))
        let comparisons = performance.comparisons.isEmpty ? nil : compare(performance.comparisons, t)
        let loadTests = LoadTestAnalysis.analyse(performance.loadTests, previous: previous?.loadTests ?? [],
                                                 previousRelease: previousRelease, thresholds: t)
        let (recommendation, reason) = combine(recommend(rate: rate, efficiency: efficiency, hasSuccessful: !successful.isEmpty,
                                                         comparisons: comparisons, t), with: loadTests)
        return PerformanceFigures(
            path: performance.path, total: results.count, successful: successful.count, failed: results.count - successful.count,
            successRate: rate, totalDurationMinutes: Statistics.sum(results.map(\.durationMinutes)), meanEfficiency: efficiency,
            meanThroughput: Statistics.mean(successful.map(\.throughputJobsPerHour)), totalCost: totalCost,
            costPerTest: Statistics.ratio(totalCost, Double(successful.count)), tests: tests,
            improvements: baseline.map { improvements(tests, hasDefinitions: !definitions.isEmpty, baseline: $0, t) } ?? [],
            efficiencyLevel: efficiency.map { $0 > t.excellentEfficiency ? "excellent" : $0 > t.minEfficiency ? "good" : "concern" },
            reliabilityLevel: rate.map { $0 >= t.minSuccessRate ? "high" : $0 >= t.moderateSuccessRate ? "moderate" : "low" },
            comparisons: comparisons, loadTests: loadTests, recommendation: recommendation, recommendationReason: reason, thresholds: t)
    }

    /// Per job type: successful single-job tests of that type against successful baseline jobs of that type.
    /// The seed's rule picks tests whose name contains the job type and "single"; when no name does, tests whose
    /// definition has that job type and `parallel_jobs` 1 are used.
    static func improvements(_ tests: [PerformanceTestFigures], hasDefinitions: Bool, baseline: Baseline,
                             _ t: PerformanceThresholds) -> [JobTypeImprovement] {
        let figures = BaselineAnalysis.analyse(baseline, thresholds: BaselineThresholds())
        return figures.jobTypes.compactMap { group in
            guard let type = group.jobType, let baselineDuration = group.durationMinutes.mean, baselineDuration > 0 else { return nil }
            let successful = tests.filter { $0.result.success }
            var chosen = successful.filter { test in
                let name = test.result.testName.lowercased()
                return name.contains(type.lowercased()) && name.contains("single")
            }
            if chosen.isEmpty, hasDefinitions { chosen = successful.filter { $0.jobType == type && $0.parallelJobs == 1 } }
            guard let optimised = Statistics.mean(chosen.map(\.result.durationMinutes)) else { return nil }
            let improvement = Statistics.finite(1 - optimised / baselineDuration)
            let cost = Statistics.mean(chosen.map(\.result.costEstimate))
            let baselineCost = group.costEstimate.mean
            let change = baselineCost.flatMap { base in cost.flatMap { Statistics.ratio($0 - base, base) } }
            return JobTypeImprovement(jobType: type, baselineDurationMinutes: baselineDuration, optimisedDurationMinutes: optimised,
                                      improvement: improvement, baselineCost: baselineCost, optimisedCost: cost, costChange: change,
                                      meetsTarget: (improvement ?? -1) >= t.minImprovement, tests: chosen.map(\.result.testName))
        }
    }

    /// Old/new deltas per operation and whether each stays within the limits.
    static func compare(_ comparisons: [OperationComparison], _ t: PerformanceThresholds) -> ComparisonFigures {
        let operations = ComparisonFigures.Operations(comparisons: comparisons, limits: .init(maxSlowdown: t.maxSlowdown, maxMemoryIncrease: t.maxMemoryIncrease),
                                                      positions: nil)
        var old = 0.0, new = 0.0, passed = 0
        for c in comparisons {
            old += c.oldDuration
            new += c.newDuration
        }
        for operation in operations where operation.passed { passed += 1 }
        return ComparisonFigures(operations: operations, passed: passed, failed: operations.count - passed,
                                 totalOldDuration: old, totalNewDuration: new, overallDelta: Statistics.ratio(new - old, old))
    }

    /// The seed's rule: ready at ≥ min success rate with mean efficiency above the minimum (or no successful
    /// test), conditional go at ≥ the conditional rate, otherwise not ready; any comparison over its limits is not ready.
    static func recommend(rate: Double?, efficiency: Double?, hasSuccessful: Bool, comparisons: ComparisonFigures?,
                          _ t: PerformanceThresholds) -> (PerformanceRecommendation?, String?) {
        if let comparisons, comparisons.failed > 0 {
            return (.notReady, "\(comparisons.failed) of \(comparisons.operations.count) operations exceed the regression limits")
        }
        guard let rate else {
            return comparisons == nil ? (nil, nil) : (.readyForProduction, "every operation is within the regression limits")
        }
        let shown = FigureText.percent(rate)
        if rate >= t.minSuccessRate, !hasSuccessful || (efficiency ?? 0) > t.minEfficiency {
            return (.readyForProduction, "success rate \(shown) and mean efficiency \(FigureText.fixed(efficiency ?? 0, decimals: 2))x")
        }
        if rate >= t.conditionalSuccessRate {
            return (.conditionalGo, rate >= t.minSuccessRate
                ? "mean efficiency \(FigureText.fixed(efficiency ?? 0, decimals: 2))x is not above \(t.minEfficiency)x"
                : "success rate \(shown) is below \(FigureText.percent(t.minSuccessRate))")
        }
        return (.notReady, "success rate \(shown) is below \(FigureText.percent(t.conditionalSuccessRate))")
    }

    /// The recommendation with the load tests': any label over a limit makes it NOT_READY, all within them
    /// READY_FOR_PRODUCTION; the worse of the two stands, with both sentences. Without load tests, unchanged.
    static func combine(_ seed: (PerformanceRecommendation?, String?), with loadTests: LoadTestsFigures?) -> (PerformanceRecommendation?, String?) {
        guard let loadTests else { return seed }
        let own: PerformanceRecommendation = loadTests.failed > 0 ? .notReady : .readyForProduction
        guard let current = seed.0 else { return (own, loadTests.reason) }
        let order: [PerformanceRecommendation] = [.readyForProduction, .conditionalGo, .notReady]
        let worse = (order.firstIndex(of: own) ?? 0) > (order.firstIndex(of: current) ?? 0) ? own : current
        return (worse, [seed.1, loadTests.reason].compactMap { $0 }.joined(separator: "; "))
    }
}
