/// Reads `js/stats.json` from Gatling's HTML report: the global statistics (`stats`) and one entry per
/// request under `contents`, also inside groups. Figures are Gatling's `total` column (OK and KO together).
///
/// Gatling writes four percentiles, `percentiles1` to `percentiles4`, without saying which: they are
/// `gatling.charting.indicators.percentile1..4`, by default the 50th, 75th, 95th and 99th. Flightdeck reads
/// them as those defaults: p50, p95 and p99 (the 75th is not one of its figures); p90 stays empty.
enum GatlingStatsReader {
    /// Flightdeck's percentiles and the Gatling key each is read from.
    static let percentileKeys = [("p50", "percentiles1"), ("p95", "percentiles3"), ("p99", "percentiles4")]

    /// The run, or nil (with the errors logged) when the file cannot be read.
    static func read(_ source: SourceFile, log: DiagnosticLog) -> LoadTestRun? {
        guard let (root, json) = LoadTestJSON.parse(source, log: log) else { return nil }
        let problems = json.problems
        guard json.object(root, "the root") != nil else { return nil }
        var run = LoadTestRun(path: source.path, format: .gatlingStats)
        run.percentiles = percentileKeys.map { ReportedPercentile(figure: $0.0, source: $0.1) }
        if let stats = json.object(root["stats"], "stats") {
            run.labels.append(figures(stats, label: stats["name"]?.scalarText ?? root["name"]?.scalarText ?? "All Requests", isTotal: true, path: "stats", json))
        } else if root["numberOfRequests"] != nil {
            problems.error("this is Gatling's js/global_stats.json (all requests only); Flightdeck reads js/stats.json, written beside it, "
                           + "which has each request too", at: root.location)
        } else {
            problems.error("missing stats: Gatling's js/stats.json has the global statistics there", at: root.location)
        }
        collect(root, path: "", into: &run.labels, json)
        problems.finish()
        return problems.count == 0 ? run : nil
    }

    /// Every REQUEST below `node`'s `contents`, named by its `path` (group / request), groups walked through.
    private static func collect(_ node: DataNode, path: String, into labels: inout [LoadTestLabel], _ json: LoadTestJSON) {
        let contentsPath = LoadTestJSON.path(path, "contents")
        guard let contents = json.object(node["contents"], contentsPath)?.entries else { return }
        for (key, _, entry) in contents {
            let entryPath = LoadTestJSON.path(contentsPath, key)
            guard json.object(entry, entryPath) != nil else { continue }
            let type = entry["type"]?.scalarText
            if type == "REQUEST" {
                let name = entry["path"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 } ?? entry["name"]?.scalarText ?? key
                guard let stats = json.object(entry["stats"], LoadTestJSON.path(entryPath, "stats")) else {
                    json.problems.error("missing \(LoadTestJSON.path(entryPath, "stats")): a request's statistics", at: entry.location)
                    continue
                }
                labels.append(figures(stats, label: name, isTotal: false, path: LoadTestJSON.path(entryPath, "stats"), json))
            } else if type == "GROUP" {
                collect(entry, path: entryPath, into: &labels, json)
            } else {
                json.problems.error("\(LoadTestJSON.path(entryPath, "type")) must be \"REQUEST\" or \"GROUP\", found \(entry["type"]?.quoted ?? "nothing")",
                                    at: entry["type"]?.location ?? entry.location)
            }
        }
    }

    /// One statistics object's `total` figures.
    private static func figures(_ stats: DataNode, label: String, isTotal: Bool, path: String, _ json: LoadTestJSON) -> LoadTestLabel {
        func total(_ key: String, required: Bool = false) -> (DataNode?, String) {
            let keyPath = LoadTestJSON.path(path, key)
            guard let object = json.object(stats[key], keyPath) else {
                if required { json.problems.error("missing \(keyPath): expected Gatling's {total, ok, ko}", at: stats.location) }
                return (nil, LoadTestJSON.path(keyPath, "total"))
            }
            return (object, LoadTestJSON.path(keyPath, "total"))
        }
        var figures = LoadTestLabel(label: label, isTotal: isTotal)
        let (requests, requestsPath) = total("numberOfRequests", required: true)
        if let requests {
            figures.count = json.count(requests["total"], requestsPath, required: true, at: requests)
            figures.errors = json.count(requests["ko"], LoadTestJSON.path(LoadTestJSON.path(path, "numberOfRequests"), "ko"), required: true, at: requests)
        }
        func number(_ key: String) -> Double? {
            let (object, totalPath) = total(key)
            return object.flatMap { json.number($0["total"], totalPath) }
        }
        figures.meanMs = number("meanResponseTime")
        figures.p50Ms = number("percentiles1")
        figures.p95Ms = number("percentiles3")
        figures.p99Ms = number("percentiles4")
        figures.throughputRps = number("meanNumberOfRequestsPerSecond")
        return figures
    }
}
