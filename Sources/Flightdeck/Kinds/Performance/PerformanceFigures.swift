import FlightdeckCore

/// One performance test with its definition, when there is one.
package struct PerformanceTestFigures: Sendable, Encodable {
    /// The result as recorded.
    package let result: PerformanceResult
    /// The job type: from the definition, else the first of small/medium/large in the name.
    package let jobType: String?
    /// Jobs run at once (definition; 1 without one).
    package let parallelJobs: Int
    /// Expected minutes (definition).
    package let expectedDurationMin: Double?
}

/// Optimised tests against the baseline for one job type (seed 000's improvement analysis).
package struct JobTypeImprovement: Sendable, Encodable {
    /// The job type.
    package let jobType: String
    /// Mean duration of successful baseline jobs, minutes.
    package let baselineDurationMinutes: Double
    /// Mean duration of the successful single-job tests of this type, minutes.
    package let optimisedDurationMinutes: Double
    /// 1 − optimised / baseline (0.4 = 40% faster).
    package let improvement: Double?
    /// Mean cost of successful baseline jobs.
    package let baselineCost: Double?
    /// Mean cost of the tests.
    package let optimisedCost: Double?
    /// (optimised − baseline) / baseline cost (−0.2 = 20% cheaper).
    package let costChange: Double?
    /// Whether the improvement reaches the configured minimum.
    package let meetsTarget: Bool
    /// The tests averaged.
    package let tests: [String]
}

/// The figures of old/new operation comparisons (seed 002).
package struct ComparisonFigures: Sendable, Encodable {
    /// One operation.
    package struct Operation: Sendable, Encodable {
        /// The comparison as recorded.
        package let comparison: OperationComparison
        /// (new − old) / old duration (0.1 = 10% slower); nil when old is 0.
        package let performanceDelta: Double?
        /// (new − old) / old memory; nil without both figures.
        package let memoryDelta: Double?
        /// old / new duration.
        package let speedup: Double?
        /// Within the slowdown and memory limits.
        package let passed: Bool
        /// Why it did not pass.
        package let reasons: [String]

        package init(comparison: OperationComparison, performanceDelta: Double?, memoryDelta: Double?, speedup: Double?,
                     passed: Bool, reasons: [String]) {
            self.comparison = comparison
            self.performanceDelta = performanceDelta
            self.memoryDelta = memoryDelta
            self.speedup = speedup
            self.passed = passed
            self.reasons = reasons
        }

        /// Seed 002's assertions: slower by less than `max_slowdown`, memory up by less than `max_memory_increase`.
        init(_ c: OperationComparison, limits: Limits) {
            let delta = Statistics.ratio(c.newDuration - c.oldDuration, c.oldDuration)
            let memory = c.oldMemoryMb.flatMap { old in c.newMemoryMb.flatMap { Statistics.ratio($0 - old, old) } }
            var reasons: [String] = []
            if let delta, delta >= limits.maxSlowdown {
                reasons.append("\(FigureText.percent(delta)) slower (limit \(FigureText.percent(limits.maxSlowdown)))")
            }
            if let memory, memory >= limits.maxMemoryIncrease {
                reasons.append("\(FigureText.percent(memory)) more memory (limit \(FigureText.percent(limits.maxMemoryIncrease)))")
            }
            self.init(comparison: c, performanceDelta: delta, memoryDelta: memory, speedup: Statistics.ratio(c.oldDuration, c.newDuration),
                      passed: reasons.isEmpty, reasons: reasons)
        }
    }

    /// The limits an operation is judged by.
    package struct Limits: Sendable {
        let maxSlowdown: Double
        let maxMemoryIncrease: Double
    }

    /// Each operation's figures, computed when read from the comparisons it shares with the model (a file of
    /// millions of operations is not held twice); encodes as the list of `Operation`s.
    package struct Operations: RandomAccessCollection, Sendable, Encodable {
        /// The comparisons, as read.
        let comparisons: [OperationComparison]
        let limits: Limits
        /// The comparisons listed, by position; nil: all, in file order.
        let positions: [Int]?

        package var startIndex: Int { 0 }
        package var endIndex: Int { positions?.count ?? comparisons.count }
        package subscript(index: Int) -> Operation { Operation(comparisons[positions?[index] ?? index], limits: limits) }

        /// Only the operations at these positions of this list, in this order.
        func only(_ listed: [Int]) -> Operations {
            Operations(comparisons: comparisons, limits: limits, positions: listed.map { positions?[$0] ?? $0 })
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            for operation in self { try container.encode(operation) }
        }
    }

    /// Per operation, in file order (on a page: at most `PageRows.limit`, failing first).
    package var operations: Operations
    /// Operations a page leaves off (absent in summary.json, which has them all).
    package var operationsOmitted: Int? = nil
    /// How many passed.
    package let passed: Int
    /// How many did not.
    package let failed: Int
    /// Σ old durations, seconds.
    package let totalOldDuration: Double
    /// Σ new durations, seconds.
    package let totalNewDuration: Double
    /// (Σ new − Σ old) / Σ old.
    package let overallDelta: Double?
}

/// The seed's performance recommendation.
package enum PerformanceRecommendation: String, Sendable, Encodable {
    /// Success rate and efficiency both good.
    case readyForProduction = "READY_FOR_PRODUCTION"
    /// Success rate acceptable; address failures first.
    case conditionalGo = "CONDITIONAL_GO"
    /// Success rate too low (or an operation regressed).
    case notReady = "NOT_READY"
}

/// Figures computed from performance data.
package struct PerformanceFigures: Sendable, Encodable {
    /// The file.
    package let path: String
    /// Number of test results.
    package let total: Int
    /// Successful tests.
    package let successful: Int
    /// Failed tests.
    package let failed: Int
    /// successful / total (0–1); nil without results.
    package let successRate: Double?
    /// Σ duration of all tests, minutes.
    package let totalDurationMinutes: Double
    /// Mean resource efficiency of successful tests.
    package let meanEfficiency: Double?
    /// Mean throughput of successful tests, jobs/hour.
    package let meanThroughput: Double?
    /// Σ cost of successful tests.
    package let totalCost: Double
    /// totalCost / successful.
    package let costPerTest: Double?
    /// Per test, in file order (on a page: at most `PageRows.limit`, failing first).
    package var tests: [PerformanceTestFigures]
    /// Tests a page leaves off (absent in summary.json, which has them all).
    package var testsOmitted: Int? = nil
    /// Per job type against the baseline (needs a baseline).
    package let improvements: [JobTypeImprovement]
    /// `excellent` (> excellent efficiency), `good` (> min efficiency) or `concern`; nil without successful tests.
    package let efficiencyLevel: String?
    /// `high` (≥ min success rate), `moderate` (≥ moderate rate) or `low`; nil without results.
    package let reliabilityLevel: String?
    /// The comparisons' figures, when there are comparisons.
    package var comparisons: ComparisonFigures?
    /// The load-test files' figures, when the release has some in `performance/`.
    package var loadTests: LoadTestsFigures?
    /// The recommendation; nil when there is nothing to judge.
    package let recommendation: PerformanceRecommendation?
    /// Why, in a sentence.
    package let recommendationReason: String?
    /// The rules used.
    package let thresholds: PerformanceThresholds
}
