/// Recommendation rules for performance tests (seed 000), operation comparisons (seed 002) and load tests.
package struct PerformanceThresholds: ThresholdSection, Encodable {
    /// Minimum duration improvement (fraction) for a job type to meet its target.
    package var minImprovement = 0.10
    /// Success rate (fraction) at or above which, with good efficiency, the tests say ready.
    package var minSuccessRate = 0.95
    /// Success rate at or above which the tests say conditional go.
    package var conditionalSuccessRate = 0.80
    /// Mean efficiency above which performance is good (and ready is possible).
    package var minEfficiency = 0.9
    /// Mean efficiency above which performance is excellent.
    package var excellentEfficiency = 1.2
    /// Success rate at or above which reliability is moderate (below minSuccessRate).
    package var moderateSuccessRate = 0.85
    /// Largest slowdown (fraction, new vs old) an operation may show.
    package var maxSlowdown = 0.20
    /// Largest memory increase (fraction, new vs old) an operation may show.
    package var maxMemoryIncrease = 0.50
    /// Largest rise of a load-test label's p95 (fraction) against its baseline or the previous release.
    package var maxP95Regression = 0.20
    /// Largest share of a load-test label's requests that may fail (0–1).
    package var maxErrorRate = 0.01

    /// The defaults.
    package init() {}

    /// Overrides from `thresholds.performance`.
    package mutating func read(_ r: ObjectReader) {
        minImprovement = r.double("min_improvement", in: -1...1) ?? minImprovement
        minSuccessRate = r.double("min_success_rate", in: 0...1) ?? minSuccessRate
        conditionalSuccessRate = r.double("conditional_success_rate", in: 0...1) ?? conditionalSuccessRate
        minEfficiency = r.double("min_efficiency", in: 0...1000) ?? minEfficiency
        excellentEfficiency = r.double("excellent_efficiency", in: 0...1000) ?? excellentEfficiency
        moderateSuccessRate = r.double("moderate_success_rate", in: 0...1) ?? moderateSuccessRate
        maxSlowdown = r.double("max_slowdown", in: -1...100) ?? maxSlowdown
        maxMemoryIncrease = r.double("max_memory_increase", in: -1...100) ?? maxMemoryIncrease
        maxP95Regression = r.double("max_p95_regression", in: -1...100) ?? maxP95Regression
        maxErrorRate = r.double("max_error_rate", in: 0...1) ?? maxErrorRate
    }
}
