import FlightdeckCharts

/// Charts of baseline figures.
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
}
