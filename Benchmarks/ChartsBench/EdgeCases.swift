import FlightdeckCharts

/// Charts of awkward data, shown at the end of the gallery to check them by eye.
enum EdgeCases {
    static var all: [Chart] {
        [
            .line(LineChart(id: "edge-empty", title: "Edge: empty line chart")),
            .line(LineChart(id: "edge-one", title: "Edge: one point", series: [LineSeries(name: "only", points: [Point(x: 3, y: 42)])])),
            .groupedBar(GroupedBarChart(id: "edge-equal", title: "Edge: all-equal values", categories: ["a", "b", "c"],
                                        series: [BarSeries(name: "same", values: [5, 5, 5])])),
            .groupedBar(GroupedBarChart(id: "edge-negative", title: "Edge: negative values", format: .number(decimals: 1),
                                        categories: ["up", "down", "flat", "<script>alert(1)</script>"],
                                        series: [BarSeries(name: "delta", values: [3.5, -2.25, 0, -7]), BarSeries(name: "prior", values: [1, -1, 2, .nan])])),
            .line(LineChart(id: "edge-huge", title: "Edge: huge range", format: .number(decimals: 0),
                            series: [LineSeries(name: "bytes/s", x: [0, 1, 2, 3, 4], y: [1, 1e3, 1e6, 1e9, 1.5e12])])),
            .line(Samples.hugeLine),
            .donut(DonutChart(id: "edge-donut", title: "Edge: one slice", slices: [Slice(label: "all", value: 10)])),
            .stackedBar(StackedBarChart(id: "edge-stack", title: "Edge: many categories, 100%", categories: (1...40).map { "suite-\($0)" },
                                        series: [BarSeries(name: "pass", values: (1...40).map { Double($0) }),
                                                 BarSeries(name: "fail", values: (1...40).map { Double(40 - $0) })], normalized: true)),
        ]
    }
}
