import FlightdeckCharts

/// Every chart kind with realistic data and with the edge cases the issue names; snapshots are named after the keys.
enum ChartCases {
    static let script = "<script>alert(\"x\")</script> & 'co'"
    static let t0 = 1_705_881_600.0

    static var all: [(name: String, chart: Chart)] { kinds + edges }

    static var kinds: [(name: String, chart: Chart)] {
        [
            ("grouped-bar", .groupedBar(GroupedBarChart(
                id: "g", title: "Duration per job type", description: "Baseline vs optimised.", xLabel: "Job", yLabel: "Duration",
                format: .duration(.minutes), categories: ["prep", "train", "eval"],
                series: [BarSeries(name: "Baseline", values: [12.4, 146.5, 18.3], errors: [1.1, 12.8, 2.0]),
                         BarSeries(name: "Optimised", values: [7.9, 98.1, 16.9], errors: [0.8, 9.9, 1.7])]))),
            ("horizontal-bar", .horizontalBar(HorizontalBarChart(
                id: "h", title: "Improvement", xLabel: "Improvement", format: .percent(decimals: 1),
                bars: [Bar(label: "prep", value: 36.3, tone: .positive), Bar(label: "report", value: -4.9, tone: .negative)]))),
            ("stacked-bar", .stackedBar(StackedBarChart(
                id: "s", title: "Outcomes per suite", categories: ["unit", "e2e"],
                series: [BarSeries(name: "passed", values: [212, 12]), BarSeries(name: "failed", values: [2, 1])],
                tones: [.positive, .negative]))),
            ("donut", .donut(DonutChart(
                id: "d", title: "Outcomes", slices: [Slice(label: "passed", value: 369, tone: .positive), Slice(label: "failed", value: 7)],
                centerLabel: "98%", centerCaption: "passed"))),
            ("histogram", .histogram(Histogram(id: "hi", title: "Durations", xLabel: "Duration", format: .duration(.milliseconds),
                                               values: [120, 340, 560, 80, 910, 1500, 2200, 450, 330, 610]))),
            ("box-plot", .boxPlot(BoxPlot(id: "b", title: "Spread", format: .number(decimals: 1),
                                          groups: [BoxGroup(label: "a", values: [1, 2, 3, 4, 5, 6, 30]), BoxGroup(label: "b", values: [2, 2.5, 3])]))),
            ("line", .line(LineChart(
                id: "l", title: "Error rate", xLabel: "Time", yLabel: "Errors", xFormat: .dateTime, format: .percent(decimals: 2),
                series: [LineSeries(name: "canary", x: [t0, t0 + 1800, t0 + 3600, t0 + 5400], y: [0.3, 0.5, 2.4, 0.4]),
                         LineSeries(name: "stable", x: [t0, t0 + 1800, t0 + 3600, t0 + 5400], y: [0.2, 0.3, 0.2, 0.3])],
                thresholds: [Threshold(label: "warning", value: 1), Threshold(label: "critical", value: 5, tone: .critical)],
                bands: [Band(label: "warning zone", from: 1, to: 5)],
                events: [EventMarker(label: "rollback", x: t0 + 4000, tone: .negative)]))),
            ("step", .step(StepChart(
                id: "st", title: "Traffic", xFormat: .date, format: .percent(decimals: 0),
                series: [LineSeries(name: "canary", x: [t0, t0 + 86_400, t0 + 172_800, t0 + 259_200], y: [5, 20, 50, 100])],
                events: [EventMarker(label: "advance", x: t0 + 86_400), EventMarker(label: "advance again", x: t0 + 90_000)],
                yRange: 0...100))),
            ("timeline", .timeline(TimelineChart(
                id: "t", title: "Plan", format: .date,
                items: [TimelineItem(label: "Setup", section: "Phase 0", start: t0, end: t0 + 3 * 86_400),
                        TimelineItem(label: "Canary", section: "Phase 1", start: t0 + 3 * 86_400, end: t0 + 5 * 86_400, tone: .critical),
                        TimelineItem(label: "Go", section: "Phase 1", start: t0 + 5 * 86_400, end: t0 + 5 * 86_400)],
                markers: [EventMarker(label: "go/no-go", x: t0 + 4 * 86_400, tone: .warning)]))),
            ("sparkline", .sparkline(Sparkline(id: "sp", title: "Pass rate", format: .percent(decimals: 1),
                                               values: [91.2, 95.1, 94, 97.2], labels: ["1.0", "1.1", "1.2", "2.0"]))),
            ("forest", .forest(ForestPlot(id: "f", title: "A/B", xLabel: "Difference",
                                          estimates: [Estimate(label: "accuracy", value: 2.4, lower: 0.9, upper: 3.9),
                                                      Estimate(label: "timeouts", value: -0.2, lower: -0.9, upper: 0.5)]))),
        ]
    }

    static var edges: [(name: String, chart: Chart)] {
        let empties: [(String, Chart)] = [
            ("empty-grouped-bar", .groupedBar(GroupedBarChart(id: "e1", title: "Empty"))),
            ("empty-horizontal-bar", .horizontalBar(HorizontalBarChart(id: "e2", title: "Empty"))),
            ("empty-stacked-bar", .stackedBar(StackedBarChart(id: "e3", title: "Empty"))),
            ("empty-donut", .donut(DonutChart(id: "e4", title: "Empty"))),
            ("empty-histogram", .histogram(Histogram(id: "e5", title: "Empty"))),
            ("empty-box-plot", .boxPlot(BoxPlot(id: "e6", title: "Empty", groups: [BoxGroup(label: "none", values: [])]))),
            ("empty-line", .line(LineChart(id: "e7", title: "Empty"))),
            ("empty-step", .step(StepChart(id: "e8", title: "Empty", series: [LineSeries(name: "x", points: [])]))),
            ("empty-timeline", .timeline(TimelineChart(id: "e9", title: "Empty"))),
            ("empty-sparkline", .sparkline(Sparkline(id: "e10", title: "Empty"))),
            ("empty-forest", .forest(ForestPlot(id: "e11", title: "Empty"))),
        ]
        let others: [(String, Chart)] = [
            ("one-point-line", .line(LineChart(id: "o1", title: "One", series: [LineSeries(name: "a", points: [Point(x: 3, y: 42)])]))),
            ("one-value-histogram", .histogram(Histogram(id: "o2", title: "One", values: [7]))),
            ("one-value-sparkline", .sparkline(Sparkline(id: "o3", title: "One", values: [7]))),
            ("one-slice-donut", .donut(DonutChart(id: "o4", title: "One", slices: [Slice(label: "all", value: 3)]))),
            ("equal-grouped-bar", .groupedBar(GroupedBarChart(id: "q1", title: "Equal", categories: ["a", "b"],
                                                              series: [BarSeries(name: "s", values: [5, 5])]))),
            ("equal-line", .line(LineChart(id: "q2", title: "Equal", series: [LineSeries(name: "s", x: [1, 2, 3], y: [4, 4, 4])]))),
            ("zero-grouped-bar", .groupedBar(GroupedBarChart(id: "z1", title: "Zeros", categories: ["a"], series: [BarSeries(name: "s", values: [0])]))),
            ("negative-grouped-bar", .groupedBar(GroupedBarChart(id: "n1", title: "Negative", format: .number(decimals: 1), categories: ["a", "b", "c"],
                                                                 series: [BarSeries(name: "s", values: [-3.5, 2.25, -.infinity])]))),
            ("negative-line", .line(LineChart(id: "n2", title: "Negative", series: [LineSeries(name: "s", x: [0, 1, 2], y: [-5, -20, -1])]))),
            ("negative-stacked", .stackedBar(StackedBarChart(id: "n3", title: "Negative", categories: ["a"],
                                                             series: [BarSeries(name: "up", values: [3]), BarSeries(name: "down", values: [-2])]))),
            ("huge-range-line", .line(LineChart(id: "r1", title: "Huge", series: [LineSeries(name: "s", x: [0, 1, 2], y: [1e-3, 1e6, 1.5e12])]))),
            ("extreme-values-line", .line(LineChart(id: "r2", title: "Extreme", series: [LineSeries(name: "s", x: [0, 1, 2, 3], y: [-1e308, 1e308, .nan, 5])]))),
            ("bytes-histogram", .histogram(Histogram(id: "r3", title: "Sizes", format: .bytes, values: [512, 2048, 1_500_000, 3_000_000_000]))),
            ("script-labels-bar", .groupedBar(GroupedBarChart(id: script, title: script, description: script, xLabel: script, yLabel: script,
                                                              categories: [script, "ok\u{1}\u{7}"], series: [BarSeries(name: script, values: [1, 2])]))),
            ("script-labels-timeline", .timeline(TimelineChart(id: "x1", title: script, items: [TimelineItem(label: script, section: script, start: t0, end: t0 + 86_400)],
                                                                markers: [EventMarker(label: script, x: t0)]))),
            ("long-labels-bar", .groupedBar(GroupedBarChart(id: "ll", title: "Long labels", categories: (1...30).map { "a-rather-long-category-name-\($0)" },
                                                            series: [BarSeries(name: "s", values: (1...30).map(Double.init))]))),
            ("crowded-events-line", .line(LineChart(id: "ce", title: "Crowded events", series: [LineSeries(name: "s", x: [0, 100], y: [0, 1])],
                                                    events: (0..<12).map { EventMarker(label: "event number \($0)", x: Double($0) * 3) }))),
        ]
        return empties + others
    }
}
