/// Default gate thresholds for rollout stages (seeds 002/004); a rollout.yaml may override them per component.
package struct RolloutThresholds: Sendable, Encodable {
    /// Minimum success rate (fraction) in a stage.
    package var minSuccessRate = 0.99
    /// Maximum error rate (fraction) in a stage.
    package var maxErrorRate = 0.05
    /// Minimum operations observed before a stage can be judged.
    package var minOperations = 100
    /// Minimum minutes spent in a stage before advancing.
    package var minStageMinutes = 60.0
    /// Maximum p99 latency regression (fraction) versus baseline.
    package var maxLatencyRegression = 0.20

    /// Overrides from `thresholds.rollout`.
    package mutating func read(_ r: ObjectReader) {
        minSuccessRate = r.double("min_success_rate", in: 0...1) ?? minSuccessRate
        maxErrorRate = r.double("max_error_rate", in: 0...1) ?? maxErrorRate
        minOperations = r.int("min_operations", in: 0...Int.max) ?? minOperations
        minStageMinutes = r.double("min_stage_minutes", in: 0...1e9) ?? minStageMinutes
        maxLatencyRegression = r.double("max_latency_regression", in: 0...100) ?? maxLatencyRegression
    }
}
