/// What a metric is before its samples are read: name, record fields, kind, direction and role.
struct ExperimentMetricSpec: Sendable {
    var name: String
    /// Record fields holding the metric, first present wins.
    var fields: [String]
    var kind: ExperimentMetric.Kind
    var better: ExperimentMetric.Direction
    var primary = false
    var critical = false

    /// Seed 004's five test metrics and the record fields its framework writes.
    static let seed: [ExperimentMetricSpec] = [
        .init(name: "processing_accuracy", fields: ["processing_accuracy"], kind: .proportion, better: .higher, primary: true, critical: true),
        .init(name: "processing_time", fields: ["processing_time_seconds", "processing_time"], kind: .continuous, better: .lower),
        .init(name: "timeout_rate", fields: ["timeout_occurred", "timeout_rate"], kind: .proportion, better: .lower, critical: true),
        .init(name: "fallback_rate", fields: ["fallback_used", "fallback_rate"], kind: .proportion, better: .lower),
        .init(name: "cost_per_invoice", fields: ["cost_per_invoice", "cost_estimate"], kind: .continuous, better: .lower),
    ]

    /// Reads the `metrics:` declarations; seed metric names fill in what is left out.
    static func declarations(_ list: [DataNode], log: DiagnosticLog) -> [ExperimentMetricSpec] {
        var specs: [ExperimentMetricSpec] = []
        for node in list {
            guard let m = ObjectReader(node, log: log, what: "each metric") else { continue }
            let name = m.string("name", required: true)
            let known = seed.first { $0.name == name }
            let field = m.string("field")
            let kind = m.choice("kind", required: known == nil, of: ExperimentMetric.Kind.allCases.map(\.rawValue))
                .flatMap(ExperimentMetric.Kind.init(rawValue:)) ?? known?.kind
            let better = m.choice("better", required: known == nil, of: ExperimentMetric.Direction.allCases.map(\.rawValue))
                .flatMap(ExperimentMetric.Direction.init(rawValue:)) ?? known?.better
            let primary = m.bool("primary") ?? known?.primary ?? false
            let critical = m.bool("critical") ?? known?.critical ?? false
            m.warnUnknownKeys()
            guard let name else { continue }
            if specs.contains(where: { $0.name == name }) {
                log.error("duplicate metric '\(name)'", at: m.node["name"]?.location)
                continue
            }
            guard let kind, let better else { continue }
            specs.append(ExperimentMetricSpec(name: name, fields: field.map { [$0] } ?? known?.fields ?? [name], kind: kind,
                                              better: better, primary: primary, critical: critical || primary))
        }
        return specs
    }
}
