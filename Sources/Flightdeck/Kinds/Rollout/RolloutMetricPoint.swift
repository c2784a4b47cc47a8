package import Foundation

/// One sample of the rollout's metrics time series (the optional metrics CSV, or a Prometheus response bound to a
/// series role), for the charts. A Prometheus sample carries the one value of its role.
package struct RolloutMetricPoint: Sendable, Encodable {
    /// When the sample was taken.
    package var timestamp: Date
    /// The component it belongs to, when the CSV has a `component` column.
    package var component: String?
    /// Traffic on the new version at that time, 0–100 (the CSV's; Prometheus samples have none).
    @StoredAsNaN package var trafficPercent: Double?
    /// Failed requests as a fraction of all requests, 0–1.
    @StoredAsNaN package var errorRate: Double?
    /// 99th-percentile latency in milliseconds.
    @StoredAsNaN package var latencyP99Ms: Double?

    /// Creates a sample.
    package init(timestamp: Date, component: String? = nil, trafficPercent: Double? = nil, errorRate: Double? = nil, latencyP99Ms: Double? = nil) {
        self.timestamp = timestamp
        self.component = component
        self.trafficPercent = trafficPercent
        self.errorRate = errorRate
        self.latencyP99Ms = latencyP99Ms
    }
}

extension [RolloutMetricPoint] {
    /// Sorts the samples by time, equal times kept in their order (the standard library's sort is stable); a
    /// series already in order, as most are written, is only checked.
    mutating func sortByTime() {
        guard !zip(self, dropFirst()).allSatisfy({ $0.timestamp <= $1.timestamp }) else { return }
        sort { $0.timestamp < $1.timestamp }
    }
}
