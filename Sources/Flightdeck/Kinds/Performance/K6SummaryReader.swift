/// Reads k6's end-of-test summary in either shape: `k6 run --summary-export` (each metric's stats directly
/// under its name) or the data `handleSummary` receives, written with `JSON.stringify` (stats under `values`,
/// with `type` and `contains`; groups and checks as lists instead of objects).
///
/// The requests are `http_req_duration` (with the `http_reqs` counter and the `http_req_failed` rate) and
/// `grpc_req_duration` (with `grpc_reqs`). The untagged metric is the aggregate; each tag set k6 kept as a
/// sub-metric (`http_req_duration{name:login}`: k6 keeps those a threshold names) is a label, except k6's
/// own `{expected_response:true}`. Percentiles are the trend's, as `summaryTrendStats` chose them.
enum K6SummaryReader {
    /// A kind of request: its trend, counter, failure rate (none for gRPC) and the aggregate's label.
    private struct Family {
        let trend: String, counter: String, failed: String?, total: String
    }

    private static let families = [
        Family(trend: "http_req_duration", counter: "http_reqs", failed: "http_req_failed", total: "All HTTP requests"),
        Family(trend: "grpc_req_duration", counter: "grpc_reqs", failed: nil, total: "All gRPC requests"),
    ]
    /// k6's default sub-metric: successful responses only, not a label.
    private static let successfulOnly = "expected_response:true"
    /// Flightdeck's percentiles and the k6 stats each is read from, first found first.
    private static let percentileStats = [("p50", ["p(50)", "med"]), ("p90", ["p(90)"]), ("p95", ["p(95)"]), ("p99", ["p(99)"])]

    /// The run, or nil (with the errors logged) when the file cannot be read.
    static func read(_ source: SourceFile, log: DiagnosticLog) -> LoadTestRun? {
        guard let (root, json) = LoadTestJSON.parse(source, log: log) else { return nil }
        let problems = json.problems
        guard let metrics = json.object(root["metrics"], "metrics")?.entries else {
            if root["metrics"] == nil { log.error("a k6 summary needs \"metrics\", the end-of-test metrics", at: root.location) }
            return nil
        }
        let reader = Metrics(entries: metrics, json: json)
        var run = LoadTestRun(path: source.path, format: .k6Summary)
        let milliseconds = json.number(root["state"]?["testRunDurationMs"], "state.testRunDurationMs")
        for family in families where reader.stats(family.trend) != nil {
            run.labels += labels(family, reader, seconds: milliseconds.map { $0 / 1000 })
            if run.percentiles.isEmpty, let stats = reader.stats(family.trend) {
                run.percentiles = percentileStats.compactMap { figure, names in
                    names.first { stats[$0] != nil }.map { ReportedPercentile(figure: figure, source: $0) }
                }
            }
        }
        if run.labels.isEmpty, !families.contains(where: { family in metrics.contains { $0.key == family.trend } }) {
            problems.error("a k6 summary needs http_req_duration or grpc_req_duration among its metrics: it has no requests to report",
                           at: root["metrics"]?.location ?? root.location)
        }
        if let checks = reader.stats("checks") {
            run.checksPassed = json.count(checks["passes"], reader.path("checks", "passes"))
            run.checksFailed = json.count(checks["fails"], reader.path("checks", "fails"))
        }
        problems.finish()
        return problems.count == 0 ? run : nil
    }

    /// The aggregate of a family, then one label per tag set, in file order.
    private static func labels(_ family: Family, _ metrics: Metrics, seconds testSeconds: Double?) -> [LoadTestLabel] {
        let base = metrics.stats(family.counter)
        let baseCount = base.flatMap { metrics.json.number($0["count"], metrics.path(family.counter, "count")) }
        let baseRate = base.flatMap { metrics.json.number($0["rate"], metrics.path(family.counter, "rate")) }
        let seconds = testSeconds ?? baseCount.flatMap { count in baseRate.flatMap { $0 > 0 ? count / $0 : nil } }
        let prefix = family.trend + "{"
        let selectors = metrics.entries.compactMap { entry -> String? in
            guard entry.key.hasPrefix(prefix), entry.key.hasSuffix("}") else { return nil }
            let selector = String(entry.key.dropFirst(prefix.count).dropLast())
            return selector == successfulOnly ? nil : selector
        }
        return ([nil] + selectors).compactMap { selector in
            let suffix = selector.map { "{\($0)}" } ?? ""
            guard let trend = metrics.stats(family.trend + suffix) else { return nil }
            var figures = LoadTestLabel(label: selector.map(label) ?? family.total, isTotal: selector == nil)
            let trendName = family.trend + suffix, counterName = family.counter + suffix
            func stat(_ metric: String, _ node: DataNode, _ key: String) -> Double? { metrics.json.number(node[key], metrics.path(metric, key)) }
            figures.meanMs = stat(trendName, trend, "avg")
            figures.p50Ms = trend["p(50)"] != nil ? stat(trendName, trend, "p(50)") : stat(trendName, trend, "med")
            figures.p90Ms = stat(trendName, trend, "p(90)")
            figures.p95Ms = stat(trendName, trend, "p(95)")
            figures.p99Ms = stat(trendName, trend, "p(99)")
            let counter = metrics.stats(counterName)
            let failedName = family.failed.map { $0 + suffix }
            let failed = failedName.flatMap(metrics.stats)
            let passes = failed.flatMap { node in failedName.flatMap { metrics.json.count(node["passes"], metrics.path($0, "passes")) } }
            let fails = failed.flatMap { node in failedName.flatMap { metrics.json.count(node["fails"], metrics.path($0, "fails")) } }
            figures.errors = passes
            if let counter {
                figures.count = metrics.json.count(counter["count"], metrics.path(counterName, "count"))
                figures.throughputRps = stat(counterName, counter, "rate")
            }
            if figures.count == nil, let passes, let fails { figures.count = passes + fails }
            if figures.count == nil { figures.count = metrics.json.count(trend["count"], metrics.path(trendName, "count")) }
            if figures.throughputRps == nil, let count = figures.count, let seconds, seconds > 0 {
                figures.throughputRps = Statistics.finite(Double(count) / seconds)
            }
            return figures
        }
    }

    /// A tag set as a label: the value of a lone `name` or `url` tag, otherwise the tags as k6 writes them.
    private static func label(_ selector: String) -> String {
        let tags = selector.split(separator: ",", omittingEmptySubsequences: false)
        guard tags.count == 1, let colon = selector.firstIndex(of: ":"),
              ["name", "url"].contains(String(selector[..<colon])) else { return selector }
        return String(selector[selector.index(after: colon)...])
    }

    /// The `metrics` object: each metric's stats in either shape, and JSON paths for messages.
    private struct Metrics {
        let entries: [(key: String, keyLocation: SourceLocation, value: DataNode)]
        let json: LoadTestJSON

        /// A metric's stats: `values` (handleSummary) or the metric itself (--summary-export).
        func stats(_ name: String) -> DataNode? {
            guard let metric = entries.first(where: { $0.key == name })?.value,
                  let object = json.object(metric, LoadTestJSON.path("metrics", name)) else { return nil }
            guard let values = object["values"] else { return object }
            return json.object(values, LoadTestJSON.path(LoadTestJSON.path("metrics", name), "values"))
        }

        /// The JSON path of a stat, in the file's shape.
        func path(_ metric: String, _ key: String) -> String {
            let base = LoadTestJSON.path("metrics", metric)
            let shaped = entries.first { $0.key == metric }?.value["values"] != nil ? LoadTestJSON.path(base, "values") : base
            return LoadTestJSON.path(shaped, key)
        }
    }
}
