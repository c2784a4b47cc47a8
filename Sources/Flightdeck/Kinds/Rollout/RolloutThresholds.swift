/// Default gate thresholds for rollout stages (seeds 002/003); a rollout.yaml may override them per file and per component.
package struct RolloutThresholds: ThresholdSection, Encodable, Equatable {
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

    /// The defaults.
    package init() {}

    /// Overrides from `thresholds.rollout`.
    package mutating func read(_ r: ObjectReader) {
        self = applying(RolloutGateOverrides(reading: r))
    }

    /// These thresholds with each override that is set replacing its default.
    package func applying(_ overrides: RolloutGateOverrides) -> RolloutThresholds {
        var result = self
        result.minSuccessRate = overrides.minSuccessRate ?? minSuccessRate
        result.maxErrorRate = overrides.maxErrorRate ?? maxErrorRate
        result.minOperations = overrides.minOperations ?? minOperations
        result.minStageMinutes = overrides.minStageMinutes ?? minStageMinutes
        result.maxLatencyRegression = overrides.maxLatencyRegression ?? maxLatencyRegression
        return result
    }
}

/// Gate thresholds set in a rollout file (`gates:`); unset ones fall back to the site's.
package struct RolloutGateOverrides: Sendable, Encodable, Equatable {
    /// `min_success_rate`, a fraction.
    package var minSuccessRate: Double?
    /// `max_error_rate`, a fraction.
    package var maxErrorRate: Double?
    /// `min_operations`.
    package var minOperations: Int?
    /// `min_stage_minutes`.
    package var minStageMinutes: Double?
    /// `max_latency_regression`, a fraction (0.2 = 20% slower than baseline).
    package var maxLatencyRegression: Double?

    /// No overrides.
    package init(minSuccessRate: Double? = nil, maxErrorRate: Double? = nil, minOperations: Int? = nil,
                 minStageMinutes: Double? = nil, maxLatencyRegression: Double? = nil) {
        self.minSuccessRate = minSuccessRate
        self.maxErrorRate = maxErrorRate
        self.minOperations = minOperations
        self.minStageMinutes = minStageMinutes
        self.maxLatencyRegression = maxLatencyRegression
    }

    /// Reads the gate keys of a mapping (`thresholds.rollout` or a rollout file's `gates:`).
    package init(reading r: ObjectReader) {
        minSuccessRate = r.fraction("min_success_rate")
        maxErrorRate = r.fraction("max_error_rate")
        minOperations = r.count("min_operations")
        minStageMinutes = r.nonNegative("min_stage_minutes")
        maxLatencyRegression = r.double("max_latency_regression", in: 0...100)
    }

    /// These overrides with `other`'s set values taking precedence.
    package func overridden(by other: RolloutGateOverrides) -> RolloutGateOverrides {
        RolloutGateOverrides(minSuccessRate: other.minSuccessRate ?? minSuccessRate,
                             maxErrorRate: other.maxErrorRate ?? maxErrorRate,
                             minOperations: other.minOperations ?? minOperations,
                             minStageMinutes: other.minStageMinutes ?? minStageMinutes,
                             maxLatencyRegression: other.maxLatencyRegression ?? maxLatencyRegression)
    }
}
