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
    }

    /// Per operation, in file order (on a page: at most `PageRows.limit`, failing first).
    package var operations: [Operation]
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
