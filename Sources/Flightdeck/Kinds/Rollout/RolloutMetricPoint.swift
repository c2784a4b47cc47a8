package import Foundation

/// One sample of the rollout's metrics time series (the optional metrics CSV, or a Prometheus response bound to a
/// series role), for the charts. A Prometheus sample carries the one value of its role.
package struct RolloutMetricPoint: Sendable, Encodable {
    /// When the sample was taken.
    package var timestamp: Date
    /// The component it belongs to, when the CSV has a `component` column.
    package var component: String?
    /// Traffic on the new version at that time, 0–100 (the CSV's; Prometheus samples have none).
    package var trafficPercent: Double? {
        get { traffic.isNaN ? nil : traffic }
        set { traffic = newValue ?? .nan }
    }
    /// Failed requests as a fraction of all requests, 0–1.
    package var errorRate: Double? {
        get { errors.isNaN ? nil : errors }
        set { errors = newValue ?? .nan }
    }
    /// 99th-percentile latency in milliseconds.
    package var latencyP99Ms: Double? {
        get { latency.isNaN ? nil : latency }
        set { latency = newValue ?? .nan }
    }
    /// The figures, NaN when absent: an optional `Double` takes 16 bytes in an array, and a metrics file may hold
    /// millions of samples (a sample is 48 bytes, not 72).
    private var traffic: Double, errors: Double, latency: Double

    /// Creates a sample.
    package init(timestamp: Date, component: String? = nil, trafficPercent: Double? = nil, errorRate: Double? = nil, latencyP99Ms: Double? = nil) {
        self.timestamp = timestamp
        self.component = component
        traffic = trafficPercent ?? .nan
        errors = errorRate ?? .nan
        latency = latencyP99Ms ?? .nan
    }

    private enum CodingKeys: String, CodingKey { case timestamp, component, trafficPercent, errorRate, latencyP99Ms }

    /// As a synthesised encoding would: an absent field left out.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timestamp, forKey: .timestamp)
        try container.encodeIfPresent(component, forKey: .component)
        try container.encodeIfPresent(trafficPercent, forKey: .trafficPercent)
        try container.encodeIfPresent(errorRate, forKey: .errorRate)
        try container.encodeIfPresent(latencyP99Ms, forKey: .latencyP99Ms)
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
