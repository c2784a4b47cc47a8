/// Optimisation-target rules for baseline jobs (seed 000): a job type is a target when any rule trips.
package struct BaselineThresholds: ThresholdSection, Encodable {
    /// Mean duration above this many minutes marks a job type for optimisation.
    package var maxMeanDurationMinutes = 45.0
    /// CPU efficiency (cpu_hours per duration hour) below this marks a job type.
    package var minCPUEfficiency = 3.0
    /// Failure rate above this fraction marks a job type.
    package var maxFailureRate = 0.10

    /// The defaults.
    package init() {}

    /// Overrides from `thresholds.baseline`.
    package mutating func read(_ r: ObjectReader) {
        maxMeanDurationMinutes = r.double("max_mean_duration_minutes", in: 0...1e9) ?? maxMeanDurationMinutes
        minCPUEfficiency = r.double("min_cpu_efficiency", in: 0...1e9) ?? minCPUEfficiency
        maxFailureRate = r.double("max_failure_rate", in: 0...1) ?? maxFailureRate
    }
}
