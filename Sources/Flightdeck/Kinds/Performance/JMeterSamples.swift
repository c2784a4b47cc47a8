/// The samples of a JMeter results file, by label in the order labels first appear, reduced to figures:
/// Flightdeck computes what JMeter's Aggregate Report shows, from the raw samples.
///
/// Percentiles use linear interpolation between closest ranks, numpy's default (`Statistics.quantile`);
/// throughput is samples / (latest timeStamp + elapsed − earliest timeStamp), in seconds, per label.
struct JMeterSamples {
    /// One label's samples.
    private struct Series {
        var elapsed: [Double] = []
        var errors = 0
        var start = Double.infinity
        var end = -Double.infinity

        mutating func add(elapsed: Double, timeStamp: Double, success: Bool) {
            self.elapsed.append(elapsed)
            if !success { errors += 1 }
            start = min(start, timeStamp)
            end = max(end, timeStamp + elapsed)
        }

        func figures(_ label: String, isTotal: Bool) -> LoadTestLabel {
            var figures = LoadTestLabel(label: label, isTotal: isTotal)
            let sorted = elapsed.sorted()
            figures.count = sorted.count
            figures.errors = errors
            figures.meanMs = Statistics.mean(elapsed)
            figures.p50Ms = Statistics.quantile(sorted, 0.50)
            figures.p90Ms = Statistics.quantile(sorted, 0.90)
            figures.p95Ms = Statistics.quantile(sorted, 0.95)
            figures.p99Ms = Statistics.quantile(sorted, 0.99)
            figures.throughputRps = end > start ? Statistics.finite(Double(sorted.count) / ((end - start) / 1000)) : nil
            return figures
        }
    }

    /// What JMeter's Aggregate Report calls the row of all samples.
    static let totalLabel = "TOTAL"
    private var order: [String] = []
    private var series: [String: Series] = [:]
    private var all = Series()

    /// Whether any sample was added.
    var isEmpty: Bool { order.isEmpty }

    /// Adds one sample: `elapsed` and `timeStamp` (its start) in milliseconds.
    mutating func add(label: String, elapsed: Double, timeStamp: Double, success: Bool) {
        if series[label] == nil { order.append(label) }
        series[label, default: Series()].add(elapsed: elapsed, timeStamp: timeStamp, success: success)
        all.add(elapsed: elapsed, timeStamp: timeStamp, success: success)
    }

    /// The run: TOTAL first, then each label; percentiles marked as computed.
    func run(path: String, format: LoadTestFormat) -> LoadTestRun {
        var run = LoadTestRun(path: path, format: format)
        run.percentiles = ["p50", "p90", "p95", "p99"].map { ReportedPercentile(figure: $0, source: "computed") }
        run.labels = [all.figures(Self.totalLabel, isTotal: true)]
            + order.compactMap { label in series[label].map { $0.figures(label, isTotal: false) } }
        return run
    }
}
