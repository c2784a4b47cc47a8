/// One entry of a component's `prometheus:` in rollout.yaml: a `query_range` response standing for a series role.
///
/// ```yaml
/// prometheus:
///   error_rate: rollout/error-rate.json          # the file, relative to the release folder
///   latency_p99_ms:
///     file: rollout/latency.json
///     series: {handler: /checkout}              # the one series to use when the response has several
///     scale: 1000                                # seconds → milliseconds
/// ```
struct RolloutPrometheusBinding {
    /// The component the series belongs to.
    var component: String
    /// What the series stands for.
    var role: RolloutPrometheusSeries.Role
    /// The response file, relative to the release folder.
    var file: String
    /// Where the file was named.
    var location: SourceLocation
    /// Labels the series must have (`series:`); empty takes the response's only series.
    var selector: [RolloutPrometheusSeries.Label]
    /// What each value is multiplied by.
    var scale: Double

    /// The bindings of `prometheus:` in a component (or the file, in the single-component form).
    static func read(_ c: ObjectReader, component: String?) -> [RolloutPrometheusBinding] {
        guard let p = c.object("prometheus") else { return [] }
        var bindings: [RolloutPrometheusBinding] = []
        for role in RolloutPrometheusSeries.Role.allCases {
            guard let node = p.value(role.rawValue) else { continue }
            if node.scalarText != nil {
                if let file = p.string(role.rawValue), let component {
                    bindings.append(.init(component: component, role: role, file: file, location: node.location, selector: [], scale: 1))
                }
                continue
            }
            guard let b = ObjectReader(node, log: c.log, what: "'\(role.rawValue)'") else { continue }
            let file = b.string("file", required: true)
            var selector: [RolloutPrometheusSeries.Label] = []
            if let s = b.object("series") {
                for key in s.keys {
                    if let value = s.string(key) { selector.append(.init(name: key, value: value)) }
                }
            }
            var scale = b.double("scale") ?? 1
            if scale <= 0 {
                c.log.error("'scale' must be a number above 0, found \(b.node["scale"]?.quoted ?? "")", at: b.node["scale"]?.location)
                scale = 1
            }
            b.warnUnknownKeys()
            if let file, let component {
                bindings.append(.init(component: component, role: role, file: file, location: b.node["file"]?.location ?? node.location,
                                      selector: selector, scale: scale))
            }
        }
        let roles = RolloutPrometheusSeries.Role.allCases.map(\.rawValue)
        for (key, location, _) in p.node.entries ?? [] where !roles.contains(key) {
            c.log.warning("unknown series role '\(key)'; prometheus: binds \(roles.joined(separator: " and "))"
                          + Suggestion.phrase(for: key, in: roles), at: location)
        }
        return bindings
    }
}
