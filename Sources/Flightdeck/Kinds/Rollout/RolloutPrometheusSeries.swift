/// A Prometheus `query_range` response bound in rollout.yaml to a series role of a component, as read.
package struct RolloutPrometheusSeries: Sendable, Encodable {
    /// What a series stands for.
    package enum Role: String, Sendable, Encodable, CaseIterable {
        /// Failed requests as a fraction of all requests, 0–1.
        case errorRate = "error_rate"
        /// 99th-percentile latency in milliseconds.
        case latencyP99Ms = "latency_p99_ms"
    }

    /// One label of the series (`code="200"`).
    package struct Label: Sendable, Encodable, Equatable {
        /// The label's name.
        package var name: String
        /// Its value.
        package var value: String
    }

    /// The component it belongs to.
    package var component: String
    /// What it stands for.
    package var role: Role
    /// The response file, relative to the site root.
    package var path: String
    /// The same file relative to the release folder (`rollout/error-rate.json`), as the page names it.
    package var file: String
    /// The labels of the series used (`metric` in the response), sorted by name.
    package var labels: [Label]
    /// The factor each value was multiplied by (`scale:` in the binding; 1 by default).
    package var scale: Double
    /// Samples drawn.
    package var points: Int
    /// Samples that were `NaN` (Prometheus' "no value", such as 0/0 with no requests): left out of the chart and the figures.
    package var gaps: Int
}
