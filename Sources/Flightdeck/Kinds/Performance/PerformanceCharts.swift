import FlightdeckCharts

/// Charts of performance-test figures.
enum PerformanceCharts {
    /// Baseline against optimised duration per job type; operation speed-ups for comparisons; load tests' percentiles per label.
    static func charts(_ performance: PerformanceFigures, prefix: String) -> [String: Chart] {
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
        if let loadTests = performance.loadTests {
            charts.merge(LoadTestCharts.charts(loadTests, prefix: prefix)) { first, _ in first }
        }
        return charts
    }
}
