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
        let known = required + ["component"]
        for (index, name) in table.header.enumerated() where !known.contains(name) {
            log.warning("unknown column '\(name)'" + Suggestion.phrase(for: name, in: known),
                        at: SourceLocation(file: file.path, line: 1, column: table.header.prefix(index).reduce(1) { $0 + $1.count + 1 }))
        }
        let missing = required.filter { table.column($0) == nil }
        guard missing.isEmpty else {
            log.error("missing required column\(missing.count > 1 ? "s" : "") \(missing.map { "'\($0)'" }.joined(separator: ", "))",
                      at: .file(file.path))
            return []
        }
        var points: [RolloutMetricPoint] = []
        for row in table.rows {
            var cells = CSVCells(table: table, row: row, log: log)
            let timestamp = cells.instant("timestamp")
            let traffic = cells.number("traffic_percent", in: 0...100, expected: "a percentage from 0 to 100")
            let errorRate = cells.number("error_rate", in: 0...1, expected: "a fraction from 0 to 1")
            let p99 = cells.number("latency_p99_ms", in: 0...Double.greatestFiniteMagnitude, expected: "a number ≥ 0")
            let component = cells.choice("component", of: components)
            guard let timestamp, let traffic, let errorRate, let p99, cells.valid else { continue }
            points.append(RolloutMetricPoint(timestamp: timestamp, component: component, trafficPercent: traffic,
                                             errorRate: errorRate, latencyP99Ms: p99))
        }
        return points.enumerated().sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }.map(\.element)
    }
}
