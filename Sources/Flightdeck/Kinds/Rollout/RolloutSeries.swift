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
            let points = rollout.metrics.filter { $0.component == key }
            // Samples without a component belong to the only component, when there is just one.
            let owner = key ?? (rollout.components.count == 1 ? rollout.components.first?.name : nil)
            let model = rollout.components.first { $0.name == owner }
            let thresholds = components.first { $0.name == owner }?.thresholds ?? fileThresholds
            let limit = model?.baselineLatencyP99Ms.map { $0 * (1 + thresholds.maxLatencyRegression) }
            return RolloutSeriesFigures(
                component: key, points: points.count,
                peakErrorRate: points.compactMap(\.errorRate).max(),
                peakLatencyP99Ms: points.compactMap(\.latencyP99Ms).max(),
                firstErrorRateBreach: points.first { ($0.errorRate ?? 0) > thresholds.maxErrorRate }?.timestamp,
                latencyLimitMs: limit,
                firstLatencyBreach: limit.flatMap { l in points.first { ($0.latencyP99Ms ?? 0) > l }?.timestamp })
        }
    }
}
