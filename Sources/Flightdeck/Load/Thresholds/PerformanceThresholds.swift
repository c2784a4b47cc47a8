/// Recommendation rules for performance tests against the baseline.
package struct PerformanceThresholds: Sendable, Encodable {
    /// Minimum mean duration improvement (fraction) to call the change an improvement.
    package var minImprovement = 0.10
    /// Minimum success rate (fraction) of performance tests.
    package var minSuccessRate = 0.95

    /// Overrides from `thresholds.performance`.
    package mutating func read(_ r: ObjectReader) {
        minImprovement = r.double("min_improvement", in: -1...1) ?? minImprovement
        minSuccessRate = r.double("min_success_rate", in: 0...1) ?? minSuccessRate
    }
}
