import Foundation
import FlightdeckCharts

/// Realistic release-report charts (an ML trainer's optimisation rollout, after the seeds).
enum Samples {
    /// 2024-01-22 00:00 UTC, the canary's first day in the seeds' plan.
    static let canaryStart = 1_705_881_600.0

    /// Every chart kind, as the gallery shows them, then the edge cases.
    static var gallery: [Chart] {
        [
            .groupedBar(jobDurations), .step(rolloutTraffic), .line(errorRate), .line(latency), .horizontalBar(improvements),
            .stackedBar(suiteOutcomes), .donut(outcomes), .forest(experiment), .histogram(testDurations), .boxPlot(durationSpread),
            .sparkline(passRateTrend), .sparkline(p99Trend), .sparkline(speedupTrend), .timeline(incident),
            .timeline(releasePlan), .horizontalBar(slowestTests),
        ] + EdgeCases.all
    }

    /// About what one release report shows.
    static var report: [Chart] {
        [
            .groupedBar(jobDurations), .boxPlot(durationSpread), .histogram(testDurations), .horizontalBar(slowestTests),
            .horizontalBar(improvements), .stackedBar(suiteOutcomes), .donut(outcomes), .step(rolloutTraffic),
            .line(errorRate), .line(latency), .forest(experiment), .timeline(releasePlan), .timeline(incident),
        ]
    }

    static let jobs = ["data_prep", "feature_engineering", "model_training", "hyperparameter_search", "evaluation", "report_generation"]

    static var jobDurations: GroupedBarChart {
        GroupedBarChart(
            id: "job-durations", title: "Duration per job type: baseline vs optimised",
            description: "Mean duration of each job type over 20 runs, with one standard deviation as error bars.",
            xLabel: "Job type", yLabel: "Duration", format: .duration(.minutes), categories: jobs,
            series: [
                BarSeries(name: "Baseline", values: [12.4, 38.2, 146.5, 212.0, 18.3, 4.1], errors: [1.1, 4.2, 12.8, 20.5, 2.0, 0.4]),
                BarSeries(name: "Optimised", values: [7.9, 21.6, 98.1, 120.4, 16.9, 3.8], errors: [0.8, 2.5, 9.9, 14.2, 1.7, 0.5]),
            ])
    }

    static var rolloutTraffic: StepChart {
        let hours: [(Double, Double)] = [(0, 0), (2, 5), (8, 20), (30, 20), (33, 5), (50, 20), (74, 50), (122, 100), (140, 100)]
        return StepChart(
            id: "rollout-traffic", title: "Canary traffic share",
            description: "Share of traffic on the new version per stage; the canary was rolled back to 5% once.",
            xLabel: "Time (UTC)", yLabel: "Traffic", xFormat: .dateTime, format: .percent(decimals: 0),
            series: [LineSeries(name: "Canary", points: hours.map { Point(x: canaryStart + $0.0 * 3600, y: $0.1) })],
            events: [
                EventMarker(label: "advance 5%", x: canaryStart + 2 * 3600),
                EventMarker(label: "advance 20%", x: canaryStart + 8 * 3600),
                EventMarker(label: "rollback: p99 breach", x: canaryStart + 33 * 3600, tone: .negative),
                EventMarker(label: "advance 50%", x: canaryStart + 74 * 3600),
                EventMarker(label: "advance 100%", x: canaryStart + 122 * 3600),
            ],
            yRange: 0...100)
    }

    static var errorRate: LineChart {
        let points = (0..<96).map { i -> Point in
            let t = Double(i)
            let spike = i >= 63 && i < 67 ? 2.6 + Double(i - 63) * 0.4 : 0
            let y = 0.35 + 0.12 * sin(t / 5) + 0.05 * cos(t * 1.7) + spike
            return Point(x: canaryStart + t * 1800, y: (y * 100).rounded() / 100)
        }
        return LineChart(
            id: "error-rate", title: "Error rate during the canary",
            description: "Share of failed requests in 30-minute windows, against the warning (1%) and critical (5%) gates.",
            xLabel: "Time (UTC)", yLabel: "Error rate", xFormat: .dateTime, format: .percent(decimals: 2),
            series: [LineSeries(name: "Canary", points: points)],
            thresholds: [Threshold(label: "warning 1%", value: 1, tone: .warning), Threshold(label: "critical 5%", value: 5, tone: .critical)],
            events: [EventMarker(label: "rollback", x: canaryStart + 33 * 3600, tone: .negative)])
    }

    static var latency: LineChart {
        func series(_ name: String, base: Double, phase: Double) -> LineSeries {
            LineSeries(name: name, points: (0..<48).map { i in
                let t = Double(i)
                return Point(x: canaryStart + t * 3600, y: (base + 60 * sin(t / 4 + phase) + (i == 32 ? 420 : 0)).rounded())
            })
        }
        return LineChart(
            id: "latency-p99", title: "p99 latency: canary vs stable",
            description: "Hourly 99th percentile latency of the canary and the stable version, against the 800 ms warning and 1 s critical gates.",
            xLabel: "Time (UTC)", yLabel: "p99 latency", xFormat: .dateTime, format: .duration(.milliseconds),
            series: [series("Canary", base: 520, phase: 0), series("Stable", base: 560, phase: 1)],
            thresholds: [Threshold(label: "critical 1 s", value: 1000, tone: .critical)],
            bands: [Band(label: "warning zone", from: 800, to: 1000, tone: .warning)])
    }

    /// One line of 100,000 points (a day of per-second-ish samples).
    static var hugeLine: LineChart {
        var state: UInt64 = 42
        let points = (0..<100_000).map { i -> Point in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let noise = Double(state >> 33) / Double(1 << 31) - 0.5
            let t = Double(i)
            return Point(x: canaryStart + t, y: 200 + 40 * sin(t / 4000) + 30 * noise + (i % 25_000 == 0 ? 300 : 0))
        }
        return LineChart(id: "huge", title: "Request latency, 100,000 samples", xLabel: "Time (UTC)", yLabel: "Latency",
                         xFormat: .dateTime, format: .duration(.milliseconds), series: [LineSeries(name: "latency", points: points)])
    }
}
