import Testing
@testable import FlightdeckCharts

/// A rollout's time axis where every stage keeps a readable width: three 3-day stages and a 4-hour one.
@Suite struct StopAxisTests {
    private let day = 86_400.0
    private let start = 1_777_795_200.0 // 2026-05-03T08:00:00Z

    @Test func shortIntervalsGetTheMinimumShareAndTheRestShareByTime() throws {
        let edges = [start, start + 3 * day, start + 6 * day, start + 9 * day, start + 9 * day + 4 * 3_600]
        let stops = try #require(StopAxis.stops(Array(edges[1..<4]), lo: edges[0], hi: edges[4]))
        #expect(stops.map(\.value) == edges)
        let expected = [0, 0.3, 0.6, 0.9, 1.0]
        for (stop, fraction) in zip(stops, expected) { #expect(abs(stop.fraction - fraction) < 1e-9, "\(stop)") }
        // Linear within an interval: two hours into the 4-hour stage is halfway through its tenth.
        var scale = LinearScale(domain: edges[0], edges[4], range: 100, 600)
        scale.stops = stops
        #expect(abs(scale(edges[3] + 2 * 3_600) - (100 + 0.95 * 500)) < 1e-9)
        #expect(abs(scale(start + 1.5 * day) - (100 + 0.15 * 500)) < 1e-9)
        // The scale changes only where the 4-hour stage begins.
        #expect(StopAxis.breaks(stops) == [edges[3]])
    }

    @Test func proportionalIntervalsAreLeftAloneAndNeedNoBreak() throws {
        let stops = try #require(StopAxis.stops([start + day, start + 2 * day], lo: start, hi: start + 4 * day))
        #expect(stops.map(\.fraction) == [0, 0.25, 0.5, 1])
        #expect(StopAxis.breaks(stops).isEmpty)
    }

    @Test func noStopInsideTheDomainMeansALinearAxis() {
        #expect(StopAxis.stops([start - day, start], lo: start, hi: start + day) == nil)
        #expect(StopAxis.stops([start], lo: start, hi: start) == nil)
    }

    @Test func tickLabelsAreTheStopsWithoutCollisions() throws {
        let edges = [start, start + 3 * day, start + 3 * day + 600, start + 6 * day]
        let stops = try #require(StopAxis.stops(Array(edges[1..<3]), lo: edges[0], hi: edges[3]))
        let ticks = StopAxis.ticks(stops, length: 500)
        #expect(ticks.labels.first == "May 3 08:00")
        #expect(ticks.labels.count == ticks.values.count && ticks.labels.count < stops.count, "a label that would touch the one before it is left out")
    }

    @Test func aStepChartWithStopsDrawsABreakMark() {
        var chart = StepChart(id: "t", title: "traffic", xFormat: .dateTime, format: .percent(decimals: 0),
                              series: [LineSeries(name: "api", points: [Point(x: start, y: 5), Point(x: start + 9 * day, y: 50),
                                                                       Point(x: start + 9 * day + 4 * 3_600, y: 50)])])
        let plain = chart.svg()
        chart.xStops = [start + 9 * day]
        let stopped = chart.svg()
        #expect(!plain.contains("fd-axis-break") && stopped.contains("fd-axis-break"))
        #expect(stopped.contains(">May 12 08:00</text>"))
        #expect(stopped.contains("the scale changes at the marked breaks") && !plain.contains("marked breaks"))
    }
}
