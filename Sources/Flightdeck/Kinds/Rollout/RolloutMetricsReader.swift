/// Reads a rollout's metrics time series CSV: `timestamp,traffic_percent,error_rate,latency_p99_ms[,component]`.
enum RolloutMetricsReader {
    static let required = ["timestamp", "traffic_percent", "error_rate", "latency_p99_ms"]

    /// The samples sorted by time; bad rows are reported (every bad cell) and left out.
    static func read(_ file: SourceFile, components: [String], log: DiagnosticLog) -> [RolloutMetricPoint] {
        let table: CSVTable
        do {
            table = try CSVFileReader.read(file.text, path: file.path)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return []
        }
        let missing = required.filter { table.column($0) == nil }
        guard missing.isEmpty else {
            log.error("missing required column\(missing.count > 1 ? "s" : "") \(missing.map { "'\($0)'" }.joined(separator: ", "))",
                      at: .file(file.path))
            return []
        }
        var points: [RolloutMetricPoint] = []
        for row in CSVNodes.rows(table, known: required + ["component"], log: log) {
            guard let r = ObjectReader(row, log: log, what: "each row") else { continue }
            let errorsBefore = log.diagnostics.count
            let timestamp = r.instant("timestamp", required: true)
            let traffic = r.percent("traffic_percent", required: true)
            let errorRate = r.fraction("error_rate", required: true)
            let p99 = r.nonNegative("latency_p99_ms", required: true)
            let component = r.string("component")
            if let component, !components.contains(component) {
                log.error("'component' must be one of \(components.joined(separator: ", ")), found \"\(component)\""
                          + Suggestion.phrase(for: component, in: components), at: r.node["component"]?.location)
            }
            guard let timestamp, let traffic, let errorRate, let p99, log.diagnostics.count == errorsBefore else { continue }
            points.append(RolloutMetricPoint(timestamp: timestamp, component: component, trafficPercent: traffic,
                                             errorRate: errorRate, latencyP99Ms: p99))
        }
        return points.enumerated().sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }.map(\.element)
    }
}
