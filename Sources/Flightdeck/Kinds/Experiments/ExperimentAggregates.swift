/// Reads pre-aggregated A/B figures: `n` and `mean`/`std` (continuous) or `n` and `successes` (proportion) per variant.
///
/// JSON: `aggregates: {control: {metric: {n, mean, std}}, treatment: {...}}`. CSV: one row per variant and metric
/// with columns `variant,metric,n,mean,std,successes` and optionally `kind,better` (needed for metrics the seed does not name).
enum ExperimentAggregates {
    static let columns = ["variant", "metric", "n", "mean", "std", "successes", "kind", "better"]

    /// From the JSON object form's `aggregates` mapping.
    static func read(_ node: DataNode, declared: [ExperimentMetricSpec], path: String, log: DiagnosticLog) -> Experiments? {
        guard let r = ObjectReader(node, log: log, what: "'aggregates'") else { return nil }
        let sides = ExperimentRecords.variants.map { r.object($0, required: true) }
        r.warnUnknownKeys()
        var names: [(String, SourceLocation)] = []
        for side in sides.compactMap({ $0 }) {
            for entry in side.node.entries ?? [] where !names.contains(where: { $0.0 == entry.key }) {
                names.append((entry.key, entry.keyLocation))
            }
        }
        var metrics: [ExperimentMetric] = []
        for (name, location) in names {
            guard let spec = spec(name, declared: declared, at: location, log: log) else {
                sides.forEach { _ = $0?.value(name) }
                continue
            }
            // Each side present is checked, so a missing variant does not hide the other's problems.
            let samples = sides.map { side in
                side?.object(name, required: true).flatMap { sample($0, kind: spec.kind, warnUnknown: true) }
            }
            guard let c = samples[0], let t = samples[1] else { continue }
            metrics.append(metric(spec, c, t))
        }
        guard sides.allSatisfy({ $0 != nil }) else { return nil }
        if names.isEmpty { log.error("'aggregates' gives no metrics", at: node.location) }
        return Experiments(path: path, shape: .aggregates, metrics: ordered(metrics, declared: declared))
    }

    /// From a CSV with one row per variant and metric.
    static func read(csv table: CSVTable, log: DiagnosticLog) -> Experiments? {
        var order: [String] = []
        var specs: [String: ExperimentMetricSpec] = [:]
        var samples: [String: [VariantSample?]] = [:]
        for row in CSVNodes.rows(table, known: columns, log: log) {
            guard let r = ObjectReader(row, log: log, what: "each row") else { continue }
            let variant = r.choice("variant", required: true, of: ExperimentRecords.variants).flatMap(ExperimentRecords.variants.firstIndex(of:))
            guard let name = r.string("metric", required: true) else { continue }
            let kind = r.choice("kind", of: ExperimentMetric.Kind.allCases.map(\.rawValue)).flatMap(ExperimentMetric.Kind.init(rawValue:))
            let better = r.choice("better", of: ExperimentMetric.Direction.allCases.map(\.rawValue)).flatMap(ExperimentMetric.Direction.init(rawValue:))
            let seed = ExperimentMetricSpec.seed.first { $0.name == name }
            var spec = specs[name] ?? seed
            if let kind, let better { spec = ExperimentMetricSpec(name: name, fields: [name], kind: kind, better: better,
                                                                 primary: seed?.primary ?? false, critical: seed?.critical ?? false) }
            guard let spec else {
                log.error("metric '\(name)' is not one of seed 004's; give its 'kind' and 'better' columns", at: r.node["metric"]?.location)
                continue
            }
            guard let variant, let value = sample(r, kind: spec.kind, warnUnknown: false) else { continue }
            if specs[name] == nil { order.append(name) }
            specs[name] = spec
            var pair = samples[name] ?? [nil, nil]
            if pair[variant] != nil {
                log.error("duplicate row for metric '\(name)' and variant '\(ExperimentRecords.variants[variant])'", at: row.location)
            }
            pair[variant] = value
            samples[name] = pair
        }
        var metrics: [ExperimentMetric] = []
        for name in order {
            guard let spec = specs[name], let pair = samples[name] else { continue }
            guard let c = pair[0], let t = pair[1] else {
                log.error("metric '\(name)' needs a row for both control and treatment", at: .file(table.path))
                continue
            }
            metrics.append(metric(spec, c, t))
        }
        guard !metrics.isEmpty else {
            log.error("no metric has rows for both control and treatment; expected columns variant,metric,n and mean/std or successes",
                      at: .file(table.path))
            return nil
        }
        return Experiments(path: table.path, shape: .aggregates, metrics: metrics)
    }

    private static func spec(_ name: String, declared: [ExperimentMetricSpec], at location: SourceLocation,
                             log: DiagnosticLog) -> ExperimentMetricSpec? {
        if let spec = declared.first(where: { $0.name == name }) ?? ExperimentMetricSpec.seed.first(where: { $0.name == name }) {
            return spec
        }
        log.error("metric '\(name)' is not one of seed 004's; declare it under 'metrics' with its kind and better direction"
                  + Suggestion.phrase(for: name, in: (declared + ExperimentMetricSpec.seed).map(\.name)), at: location)
        return nil
    }

    /// One variant's figures: n and mean/std, or n and successes.
    private static func sample(_ r: ObjectReader, kind: ExperimentMetric.Kind, warnUnknown: Bool) -> VariantSample? {
        let n = r.count("n", required: true)
        var result: VariantSample?
        switch kind {
        case .continuous:
            let mean = r.double("mean", required: true)
            let std = r.nonNegative("std")
            if let n, let mean { result = VariantSample(n: n, mean: n > 0 ? mean : nil, variance: n > 1 ? std.map { $0 * $0 } : nil) }
        case .proportion:
            let successes = r.count("successes", required: true)
            if let n, let successes {
                if successes > n {
                    r.log.error("'successes' (\(successes)) must not exceed 'n' (\(n))", at: r.node["successes"]?.location)
                } else {
                    result = VariantSample(successes: successes, n: n)
                }
            }
        }
        if warnUnknown { r.warnUnknownKeys() }
        return result
    }

    private static func metric(_ spec: ExperimentMetricSpec, _ c: VariantSample, _ t: VariantSample) -> ExperimentMetric {
        ExperimentMetric(name: spec.name, kind: spec.kind, better: spec.better, primary: spec.primary, critical: spec.critical,
                         control: c, treatment: t)
    }

    /// Declared metrics first, in declaration order; then the rest as they came.
    private static func ordered(_ metrics: [ExperimentMetric], declared: [ExperimentMetricSpec]) -> [ExperimentMetric] {
        let rank = { (m: ExperimentMetric) in declared.firstIndex { $0.name == m.name } ?? declared.count }
        return metrics.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }
}
