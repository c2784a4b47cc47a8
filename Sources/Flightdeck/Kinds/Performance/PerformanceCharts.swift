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
            let shown = largestChanges(comparisons.operations)
            let description = shown.count < comparisons.operations.count
                ? "Change in duration of the new implementation against the old one for the \(shown.count) of \(comparisons.operations.count) operations that changed most (negative is faster); the table lists the others."
                : "Change in duration of the new implementation against the old one, per operation (negative is faster)."
            charts["performance_operations"] = .horizontalBar(HorizontalBarChart(
                id: "\(prefix)-performance-operations", title: "Duration change per operation",
                description: description, xLabel: "Duration change", format: .percent(decimals: 1),
                bars: shown.map { op in
                    let value = (op.performanceDelta ?? 0) * 100
                    return Bar(label: op.comparison.operation, value: value, tone: op.passed ? .positive : .negative)
                }))
        }
        if let loadTests = performance.loadTests {
            charts.merge(LoadTestCharts.charts(loadTests, prefix: prefix)) { first, _ in first }
        }
        return charts
    }

    /// Every operation when there are at most `PageRows.chartBars`; else the ones whose duration changed most
    /// (largest absolute change first, file order among equals).
    static func largestChanges(_ operations: some Collection<ComparisonFigures.Operation>) -> [ComparisonFigures.Operation] {
        guard operations.count > PageRows.chartBars else { return Array(operations) }
        func size(_ op: ComparisonFigures.Operation) -> Double { abs(op.performanceDelta ?? 0) }
        // The largest so far, largest first: one pass, each operation compared with the smallest kept.
        var kept: [ComparisonFigures.Operation] = []
        kept.reserveCapacity(PageRows.chartBars + 1)
        for op in operations {
            let change = size(op)
            if kept.count == PageRows.chartBars, let last = kept.last, change <= size(last) { continue }
            let at = kept.firstIndex { size($0) < change } ?? kept.count
            kept.insert(op, at: at)
            if kept.count > PageRows.chartBars { kept.removeLast() }
        }
        return kept
    }
}
