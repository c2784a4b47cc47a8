/// Turns rollout.yaml's `prometheus:` bindings into metric points: reads each response (once, however often it is
/// bound), picks the one series the binding means, scales it and checks it against its role's range.
enum RolloutPrometheusReader {
    /// What the bindings gave.
    struct Result {
        /// One record per binding that could be read.
        var series: [RolloutPrometheusSeries] = []
        /// Their samples, as metric points of their component.
        var points: [RolloutMetricPoint] = []
        /// The response files bound, relative to the site root.
        var paths: Set<String> = []
    }

    /// Resolves the bindings; `parsed` holds responses already parsed from `rollout/`, by path.
    static func read(_ bindings: [RolloutPrometheusBinding], release: ReleaseSource, parsed: [String: DataNode],
                     log: DiagnosticLog) -> Result {
        var result = Result()
        var cache = parsed
        for binding in bindings {
            guard let file = release.file(named: binding.file) else {
                let inFolder = release.file(named: "\(RolloutFolderReader.folder)/\(binding.file)") != nil
                log.error("'\(binding.role.rawValue)' names \"\(binding.file)\", which is not a file in \(release.folder)/"
                          + (inFolder ? "; did you mean '\(RolloutFolderReader.folder)/\(binding.file)'?" : ""), at: binding.location)
                continue
            }
            result.paths.insert(file.path)
            if cache[file.path] == nil {
                guard let text = file.readText(log: log) else { continue }
                do {
                    cache[file.path] = try JSONReader.read(text.text, path: file.path)
                } catch {
                    log.report(contentsOf: error.diagnostics)
                    continue
                }
            }
            guard let root = cache[file.path], let all = PrometheusRangeReader.series(root, log: log) else { continue }
            guard let series = pick(binding, from: all, path: file.path, log: log) else { continue }
            add(series, of: binding, path: file.path, to: &result, log: log)
        }
        return result
    }

    /// The one series a binding means: the only one, or the one whose labels match `series:`.
    private static func pick(_ binding: RolloutPrometheusBinding, from all: [PrometheusRangeReader.Series], path: String,
                             log: DiagnosticLog) -> PrometheusRangeReader.Series? {
        let what = "\(binding.role.rawValue) of component '\(binding.component)'"
        let matching = all.filter { s in binding.selector.allSatisfy { want in s.labels.contains(want) } }
        switch matching.count {
        case 1:
            return matching[0]
        case 0 where all.isEmpty:
            log.warning("\(path) has no series (the query matched nothing in its time range): \(what) has no samples", at: binding.location)
            return nil
        case 0:
            let wanted = "{" + binding.selector.map { "\($0.name)=\"\($0.value)\"" }.joined(separator: ", ") + "}"
            log.error("no series of \(path) (data.result) has the labels \(wanted) that \(what) asks for; it has "
                      + all.map(\.selector).joined(separator: ", "), at: binding.location)
            return nil
        default:
            log.error("expected one series for \(what), found \(matching.count) in \(path) (data.result): "
                      + matching.prefix(5).map(\.selector).joined(separator: ", ") + (matching.count > 5 ? ", …" : "")
                      + "; choose one with `series: {label: value}` in the binding, or aggregate the query (sum, max)",
                      at: binding.location)
            return nil
        }
    }

    /// Scales the samples, checks them against the role's range and adds them as points.
    private static func add(_ series: PrometheusRangeReader.Series, of binding: RolloutPrometheusBinding, path: String,
                            to result: inout Result, log: DiagnosticLog) {
        var points: [RolloutMetricPoint] = []
        var gaps = 0
        for sample in series.samples {
            guard let raw = sample.value else { gaps += 1; continue }
            let value = raw * binding.scale
            switch binding.role {
            case .errorRate:
                guard (0...1).contains(value) else {
                    log.error("\(sample.path) is \(format(raw))\(binding.scale == 1 ? "" : " × \(format(binding.scale))"), but error_rate must be "
                              + "a fraction from 0 to 1 (a query giving percent needs `scale: 0.01` in the binding)", at: sample.location)
                    continue
                }
                points.append(RolloutMetricPoint(timestamp: sample.time, component: binding.component, errorRate: value))
            case .latencyP99Ms:
                guard value >= 0 else {
                    log.error("\(sample.path) is \(format(raw)), but latency_p99_ms must be ≥ 0", at: sample.location)
                    continue
                }
                points.append(RolloutMetricPoint(timestamp: sample.time, component: binding.component, latencyP99Ms: value))
            }
        }
        if points.isEmpty, gaps > 0 {
            log.warning("every sample of \(path) \(series.path) is NaN: \(binding.role.rawValue) of component '\(binding.component)' "
                        + "has nothing to draw", at: binding.location)
        }
        result.points += points
        result.series.append(RolloutPrometheusSeries(component: binding.component, role: binding.role, path: path, file: binding.file,
                                                     labels: series.labels, scale: binding.scale, points: points.count, gaps: gaps))
    }

    private static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
