/// Reads a rollout's metrics time series CSV: `timestamp,traffic_percent,error_rate,latency_p99_ms[,component]`.
enum RolloutMetricsReader {
    static let required = ["timestamp", "traffic_percent", "error_rate", "latency_p99_ms"]

    /// The samples sorted by time; bad rows are reported (every bad cell) and left out. Read a row at a time
    /// from the mapped file (`CSVFileReader.scan`): a long series is held once, as its points.
    static func read(_ file: ContentFile, components: [String], log: DiagnosticLog) -> [RolloutMetricPoint] {
        var header: [String] = [], columns: [Int] = []
        var points: [RolloutMetricPoint] = []
        var usable = true
        var names = StringPool()
        do {
            try CSVFileReader.scan(file, header: { names, lines in
                let missing = required.filter { !names.contains($0) }
                guard missing.isEmpty else {
                    log.error("missing required column\(missing.count > 1 ? "s" : "") \(missing.map { "'\($0)'" }.joined(separator: ", "))",
                              at: .file(file.path))
                    usable = false
                    return
                }
                header = names
                columns = CSVNodes.knownColumns(names, known: required + ["component"], path: file.path, log: log)
                points.reserveCapacity(lines)
            }, row: { row in
                guard usable else { return }
                let node = CSVNodes.node(row, header: header, columns: columns, path: file.path)
                if let point = point(node, components: components, names: &names, log: log) { points.append(point) }
            })
        } catch {
            log.report(contentsOf: error.diagnostics)
            return []
        }
        points.sortByTime()
        return points
    }

    /// One row's sample, or nil with its problems logged; its component name is kept once in `names`.
    private static func point(_ row: DataNode, components: [String], names: inout StringPool, log: DiagnosticLog) -> RolloutMetricPoint? {
        guard let r = ObjectReader(row, log: log, what: "each row") else { return nil }
        let errorsBefore = log.diagnostics.count
        let timestamp = r.instant("timestamp", required: true)
        let traffic = r.percent("traffic_percent", required: true)
        let errorRate = r.fraction("error_rate", required: true)
        let p99 = r.nonNegative("latency_p99_ms", required: true)
        let component = names(r.string("component"))
        if let component, !components.contains(component) {
            log.error("'component' must be one of \(components.joined(separator: ", ")), found \"\(component)\""
                      + Suggestion.phrase(for: component, in: components), at: r.node["component"]?.location)
        }
        guard let timestamp, let traffic, let errorRate, let p99, log.diagnostics.count == errorsBefore else { return nil }
        return RolloutMetricPoint(timestamp: timestamp, component: component, trafficPercent: traffic,
                                  errorRate: errorRate, latencyP99Ms: p99)
    }
}
