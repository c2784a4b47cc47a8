import FlightdeckCharts
import FlightdeckCore

/// Charts of test-suite figures.
enum TestCharts {
    static func charts(_ tests: TestFigures, prefix: String) -> [String: Chart] {
        let c = tests.counts
        var charts: [String: Chart] = [:]
        let slices = [("Passed", c.passed - c.flaky, Tone.positive), ("Passed after reruns", c.flaky, .warning), ("Failed", c.failed, .negative),
                      ("Errors", c.error, .critical), ("Skipped", c.skipped, .neutral)]
            .filter { $0.1 > 0 }.map { Slice(label: $0.0, value: Double($0.1), tone: $0.2) }
        let rate = tests.successRate.map { FigureText.percent($0) } ?? "–"
        charts["tests_outcomes"] = .donut(DonutChart(
            id: "\(prefix)-tests-outcomes", title: "Test outcomes",
            description: "\(c.total) tests: \(c.passed) passed (\(c.flaky) of them flaky), \(c.failed) failed, \(c.error) errors, \(c.skipped) skipped.",
            format: .integer, slices: slices, centerLabel: rate, centerCaption: "success"))
        if tests.suites.count > 1 {
            charts["tests_suites"] = .stackedBar(StackedBarChart(
                id: "\(prefix)-tests-suites", title: "Outcomes per suite",
                description: "Passed, failed, errors and skipped tests in each suite.", yLabel: "Tests", format: .integer,
                categories: tests.suites.map(\.name),
                series: [
                    BarSeries(name: "Passed", values: tests.suites.map { Double($0.counts.passed) }),
                    BarSeries(name: "Failed", values: tests.suites.map { Double($0.counts.failed + $0.counts.error) }),
                    BarSeries(name: "Skipped", values: tests.suites.map { Double($0.counts.skipped) }),
                ],
                tones: [.positive, .negative, .neutral]))
        }
        let slow = tests.slowest.prefix(10).compactMap { test in test.duration.map { Bar(label: test.name, value: $0) } }
        if !slow.isEmpty {
            charts["tests_slowest"] = .horizontalBar(HorizontalBarChart(
                id: "\(prefix)-tests-slowest", title: "Slowest tests",
                description: "The \(slow.count) slowest test cases by duration.", xLabel: "Duration",
                format: .duration(.seconds), bars: slow))
        }
        return charts
    }
}
