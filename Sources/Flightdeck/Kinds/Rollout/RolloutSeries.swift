import Foundation

/// Threshold crossings in a rollout's metrics time series.
enum RolloutSeries {
    /// One entry per component with samples (file order), then one for samples without a component.
    /// `fileThresholds` judge samples that belong to no single component.
    static func figures(_ rollout: Rollout, components: [RolloutComponentFigures],
                        fileThresholds: RolloutThresholds) -> [RolloutSeriesFigures] {
        guard !rollout.metrics.isEmpty else { return [] }
        var keys: [String?] = rollout.components.map(\.name).filter { name in rollout.metrics.contains { $0.component == name } }
        if rollout.metrics.contains(where: { $0.component == nil }) { keys.append(nil) }
        return keys.map { key in
            // Samples without a component belong to the only component, when there is just one.
            let owner = key ?? (rollout.components.count == 1 ? rollout.components.first?.name : nil)
            let model = rollout.components.first { $0.name == owner }
            let thresholds = components.first { $0.name == owner }?.thresholds ?? fileThresholds
            let limit = model?.baselineLatencyP99Ms.map { $0 * (1 + thresholds.maxLatencyRegression) }
            // One pass over the component's samples, which may be millions: no copy of them.
            var count = 0
            var peakErrorRate: Double?, peakLatency: Double?, errorBreach: Date?, latencyBreach: Date?
            for point in rollout.metrics where point.component == key {
                count += 1
                if let rate = point.errorRate {
                    peakErrorRate = max(peakErrorRate ?? rate, rate)
                    if errorBreach == nil, rate > thresholds.maxErrorRate { errorBreach = point.timestamp }
                }
                if let latency = point.latencyP99Ms { peakLatency = max(peakLatency ?? latency, latency) }
                if latencyBreach == nil, let limit, (point.latencyP99Ms ?? 0) > limit { latencyBreach = point.timestamp }
            }
            return RolloutSeriesFigures(
                component: key, points: count, peakErrorRate: peakErrorRate, peakLatencyP99Ms: peakLatency,
                firstErrorRateBreach: errorBreach, latencyLimitMs: limit, firstLatencyBreach: latencyBreach)
        }
    }
}
