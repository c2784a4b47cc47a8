import FlightdeckCharts

/// The load tests' charts, one per file: p95 per label against its reference when labels have one, else p50,
/// p95 and p99 per label.
enum LoadTestCharts {
    /// The charts keyed `performance_load_tests_<n>`, n counting the files from 1 in the figures' order.
    static func charts(_ loadTests: LoadTestsFigures, prefix: String) -> [String: Chart] {
        var charts: [String: Chart] = [:]
        for (index, run) in loadTests.runs.enumerated() where !run.labels.isEmpty {
            charts["performance_load_tests_\(index + 1)"] = chart(run, id: "\(prefix)-performance-load-tests-\(index + 1)")
        }
        return charts
    }

    /// One file's chart: at most `PageRows.chartBars` labels, failing first.
    static func chart(_ run: LoadTestRunFigures, id: String) -> Chart {
        let (rows, omitted) = PageRows.cut(run.labels, limit: PageRows.chartBars) { !$0.passed }
        let more = omitted.map { _ in " The chart shows \(rows.count) of \(run.labels.count) labels, those over a limit first." } ?? ""
        let nan = Double.nan
        let series: [BarSeries]
        let description: String
        if rows.contains(where: { $0.reference?.p95Ms != nil }) {
            series = [
                BarSeries(name: "This release", values: rows.map { $0.figures.p95Ms ?? nan }),
                BarSeries(name: "Reference", values: rows.map { $0.reference?.p95Ms ?? nan }),
            ]
            description = "95th percentile response time per request label of \(run.file) (\(run.tool)) and of the same label in its "
                + "reference (the baseline run, or else the previous release); labels without a reference have one bar." + more
        } else {
            series = [
                BarSeries(name: "p50", values: rows.map { $0.figures.p50Ms ?? nan }),
                BarSeries(name: "p95", values: rows.map { $0.figures.p95Ms ?? nan }),
                BarSeries(name: "p99", values: rows.map { $0.figures.p99Ms ?? nan }),
            ]
            description = "Response time percentiles per request label of \(run.file) (\(run.tool)); no baseline or previous release to compare with." + more
        }
        return .groupedBar(GroupedBarChart(id: id, title: "\(run.tool): response time per label", description: description,
                                           xLabel: "Label", yLabel: "Response time", format: .duration(.milliseconds),
                                           categories: rows.map(\.figures.label), series: series))
    }
}
