/// The load-test tools whose own output files Flightdeck reads, each with the file formats it writes.
package enum LoadTestFormat: String, Sendable, Encodable, CaseIterable {
    /// k6's end-of-test summary: `--summary-export` or the data `handleSummary` receives, as JSON.
    case k6Summary = "k6-summary"
    /// An Apache JMeter results file (JTL) written as CSV with a header row.
    case jmeterCSV = "jmeter-jtl-csv"
    /// An Apache JMeter results file (JTL) written as XML (`<testResults>`).
    case jmeterXML = "jmeter-jtl-xml"
    /// Locust's `<prefix>_stats.csv` (`--csv`).
    case locustStats = "locust-stats-csv"
    /// Gatling's `js/stats.json` from its HTML report.
    case gatlingStats = "gatling-stats-json"

    /// The tool's name, as the page names it.
    package var tool: String {
        switch self {
        case .k6Summary: "k6"
        case .jmeterCSV, .jmeterXML: "Apache JMeter"
        case .locustStats: "Locust"
        case .gatlingStats: "Gatling"
        }
    }

    /// What people call the file.
    package var title: String {
        switch self {
        case .k6Summary: "k6 end-of-test summary (JSON)"
        case .jmeterCSV: "Apache JMeter results (JTL, CSV)"
        case .jmeterXML: "Apache JMeter results (JTL, XML)"
        case .locustStats: "Locust statistics (_stats.csv)"
        case .gatlingStats: "Gatling report statistics (js/stats.json)"
        }
    }

    /// Whether Flightdeck computes the percentiles from raw samples (JMeter) rather than taking the tool's.
    package var computesPercentiles: Bool { self == .jmeterCSV || self == .jmeterXML }
}

/// One request label's figures in a load-test file (or the tool's aggregate of all requests). Times are in
/// milliseconds, throughput in requests per second; a figure the file does not give is nil.
package struct LoadTestLabel: Sendable, Encodable, Equatable {
    /// The request label, endpoint or tag set, as the tool names it.
    package var label: String
    /// Whether this is the tool's aggregate of every request (k6's untagged metric, JMeter's TOTAL,
    /// Locust's Aggregated line, Gatling's global statistics) rather than one label.
    package var isTotal = false
    /// Requests made.
    package var count: Int?
    /// Requests that failed.
    package var errors: Int?
    /// Mean response time.
    package var meanMs: Double?
    /// Median response time.
    package var p50Ms: Double?
    /// 90th percentile response time.
    package var p90Ms: Double?
    /// 95th percentile response time.
    package var p95Ms: Double?
    /// 99th percentile response time.
    package var p99Ms: Double?
    /// Requests per second over the test.
    package var throughputRps: Double?

    /// errors / count (0–1); nil without both or with no requests.
    package var errorRate: Double? {
        guard let errors, let count, count > 0 else { return nil }
        return Double(errors) / Double(count)
    }

    /// Creates a label's figures.
    package init(label: String, isTotal: Bool = false) {
        self.label = label
        self.isTotal = isTotal
    }

    private enum CodingKeys: String, CodingKey {
        case label, isTotal, count, errors, errorRate, meanMs, p50Ms, p90Ms, p95Ms, p99Ms, throughputRps
    }

    /// Encodes every figure, the error rate included.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(label, forKey: .label)
        try container.encode(isTotal, forKey: .isTotal)
        try container.encodeIfPresent(count, forKey: .count)
        try container.encodeIfPresent(errors, forKey: .errors)
        try container.encodeIfPresent(errorRate, forKey: .errorRate)
        try container.encodeIfPresent(meanMs, forKey: .meanMs)
        try container.encodeIfPresent(p50Ms, forKey: .p50Ms)
        try container.encodeIfPresent(p90Ms, forKey: .p90Ms)
        try container.encodeIfPresent(p95Ms, forKey: .p95Ms)
        try container.encodeIfPresent(p99Ms, forKey: .p99Ms)
        try container.encodeIfPresent(throughputRps, forKey: .throughputRps)
    }
}

/// One of p50, p90, p95 and p99 as a file gives it.
package struct ReportedPercentile: Sendable, Encodable, Equatable {
    /// Flightdeck's name: `p50`, `p90`, `p95` or `p99`.
    package var figure: String
    /// The tool's name for it: k6 `med`, Locust `50%`, Gatling `percentiles1`; "computed" for JMeter.
    package var source: String
}

/// One load-test tool's results file from a release's `performance/` folder, per request label.
package struct LoadTestRun: Sendable, Encodable {
    /// The file, relative to the site root.
    package var path: String
    /// The file's format, recognised by its content.
    package var format: LoadTestFormat
    /// Whether it is the baseline run the others compare with (it sits in `performance/baseline/`).
    package var isBaseline = false
    /// Which of p50, p90, p95 and p99 the file gives, in that order, and what the tool calls each.
    package var percentiles: [ReportedPercentile] = []
    /// The aggregate first (when the tool writes one), then each label in file order.
    package var labels: [LoadTestLabel] = []
    /// k6 checks that passed and failed, when the summary has them.
    package var checksPassed: Int?
    /// k6 checks that failed.
    package var checksFailed: Int?

    /// The tool's name.
    package var tool: String { format.tool }

    /// The aggregate of every request, when the tool writes one.
    package var total: LoadTestLabel? { labels.first(where: \.isTotal) }
}
