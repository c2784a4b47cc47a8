import FlightdeckCharts

/// Charts of baseline and performance-test figures.
enum BaselineCharts {
    /// Mean duration per job type with its standard deviation, and p95 beside it.
    static func durations(_ baseline: BaselineFigures, prefix: String) -> Chart {
        let groups = baseline.jobTypes
        return .groupedBar(GroupedBarChart(
            id: "\(prefix)-baseline-durations", title: "Baseline duration by job type",
            description: "Mean (with one standard deviation) and 95th percentile of job duration per job type over the baseline period.",
            yLabel: "Duration", format: .duration(.minutes),
            categories: groups.map { $0.jobType ?? "all" },
            series: [
                BarSeries(name: "Mean", values: groups.map { $0.durationMinutes.mean ?? 0 }, errors: groups.map { $0.durationMinutes.std ?? 0 }),
                BarSeries(name: "p95", values: groups.map { $0.durationMinutes.p95 ?? 0 }),
            ]))
    }

    /// Baseline against optimised duration per job type; operation speed-ups for comparisons.
    static func performance(_ performance: PerformanceFigures, prefix: String) -> [String: Chart] {
        var charts: [String: Chart] = [:]
        let improvements = performance.improvements
        if !improvements.isEmpty {
            charts["performance_vs_baseline"] = .groupedBar(GroupedBarChart(
                id: "\(prefix)-performance-vs-baseline", title: "Duration: baseline vs optimised",
                description: "Mean job duration per job type in the baseline and in the performance tests.",
                yLabel: "Duration", format: .duration(.minutes),
                categories: improvements.map(\.jobType),
                series: [
                    BarSeries(name: "Baseline", values: improvements.map(\.baselineDurationMinutes)),
                    BarSeries(name: "Optimised", values: improvements.map(\.optimisedDurationMinutes)),
                ]))
        }
        if let comparisons = performance.comparisons, !comparisons.operations.isEmpty {
            charts["performance_operations"] = .horizontalBar(HorizontalBarChart(
                id: "\(prefix)-performance-operations", title: "Duration change per operation",
                description: "Change in duration of the new implementation against the old one, per operation (negative is faster).",
                xLabel: "Duration change", format: .percent(decimals: 1),
                bars: comparisons.operations.map { op in
                    let value = (op.performanceDelta ?? 0) * 100
                    return Bar(label: op.comparison.operation, value: value, tone: op.passed ? .positive : .negative)
                }))
        }
        return charts
    }
}
