import Foundation
import FlightdeckCharts

extension Samples {
    static func day(_ iso: String) -> Double {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return 0 }
        var y = parts[0], m = parts[1]
        if m <= 2 { y -= 1; m += 12 }
        let days = 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + parts[2] - 719_469
        return Double(days) * 86_400
    }

    static var durationSpread: BoxPlot {
        var state: UInt64 = 7
        func sample(_ mean: Double, _ sd: Double, _ n: Int) -> [Double] {
            (0..<n).map { i in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let u = Double(state >> 11) / Double(1 << 53)
                let tail = i == 3 ? 2.8 : 1
                return ((mean + sd * (u * 2 - 1) * 1.7 * tail) * 10).rounded() / 10
            }
        }
        return BoxPlot(id: "duration-spread", title: "Optimised duration spread per job type",
                       description: "Distribution of 20 optimised runs per job type.", xLabel: "Job type", yLabel: "Duration",
                       format: .duration(.minutes),
                       groups: zip(jobs, [(7.9, 0.8), (21.6, 2.5), (98.1, 9.9), (120.4, 14.2), (16.9, 1.7), (3.8, 0.5)])
                        .map { BoxGroup(label: $0.0, values: sample($0.1.0, $0.1.1, 20)) })
    }

    static var testDurations: Histogram {
        var state: UInt64 = 11
        let values = (0..<412).map { _ -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let u = Double(state >> 11) / Double(1 << 53)
            return (-log(1 - u) * 850).rounded()
        }
        return Histogram(id: "test-durations", title: "Test durations", description: "Durations of the 412 tests of the suite.",
                         xLabel: "Duration", yLabel: "Tests", format: .duration(.milliseconds), values: values)
    }

    static var slowestTests: HorizontalBarChart {
        let tests: [(String, Double)] = [
            ("test_end_to_end_training_pipeline", 48.2), ("test_hyperparameter_search_convergence", 31.7),
            ("test_feature_store_backfill", 22.4), ("test_model_registry_roundtrip", 12.9),
            ("test_gcs_upload_retry_with_exponential_backoff_and_jitter", 9.6), ("test_report_rendering", 4.1),
        ]
        return HorizontalBarChart(id: "slowest-tests", title: "Slowest tests", description: "The six slowest tests of the run.",
                                  xLabel: "Duration", yLabel: "Test", format: .duration(.seconds),
                                  bars: tests.map { Bar(label: $0.0, value: $0.1) })
    }

    static var improvements: HorizontalBarChart {
        let ops: [(String, Double)] = [
            ("data_prep", 36.3), ("feature_engineering", 43.5), ("model_training", 33.0), ("hyperparameter_search", 43.2),
            ("evaluation", 7.7), ("report_generation", -4.9),
        ]
        return HorizontalBarChart(id: "improvement", title: "Improvement per operation",
                                  description: "Reduction of mean duration against the baseline; negative is a regression.",
                                  xLabel: "Improvement", yLabel: "Operation", format: .percent(decimals: 1),
                                  bars: ops.map { Bar(label: $0.0, value: $0.1, tone: $0.1 < 0 ? .negative : .positive) })
    }

    static var suiteOutcomes: StackedBarChart {
        StackedBarChart(id: "suite-outcomes", title: "Test outcomes per suite", description: "Passed, failed, errored and skipped tests per suite.",
                        xLabel: "Suite", yLabel: "Tests", categories: ["unit", "integration", "performance", "security", "e2e"],
                        series: [BarSeries(name: "passed", values: [212, 96, 18, 31, 12]), BarSeries(name: "failed", values: [2, 3, 1, 0, 1]),
                                 BarSeries(name: "error", values: [0, 1, 0, 0, 1]), BarSeries(name: "skipped", values: [8, 4, 2, 1, 0])],
                        tones: [.positive, .negative, .critical, .neutral])
    }

    static var outcomes: DonutChart {
        DonutChart(id: "outcomes", title: "Test outcomes", description: "All 412 tests of the release candidate.",
                   xLabel: "Outcome", yLabel: "Tests",
                   slices: [Slice(label: "passed", value: 369, tone: .positive), Slice(label: "failed", value: 7, tone: .negative),
                            Slice(label: "error", value: 2, tone: .critical), Slice(label: "skipped", value: 15, tone: .neutral)],
                   centerLabel: "93.9%", centerCaption: "passed")
    }

    static var experiment: ForestPlot {
        ForestPlot(id: "ab-differences", title: "A/B differences (treatment − control)",
                   description: "Differences in means with 95% confidence intervals; intervals crossing zero are not significant.",
                   xLabel: "Difference (percentage points)", yLabel: "Metric", format: .number(decimals: 2),
                   estimates: [Estimate(label: "Accuracy", value: 2.4, lower: 0.9, upper: 3.9, tone: .positive),
                               Estimate(label: "Speed (simple invoices)", value: 21.3, lower: 17.8, upper: 24.8, tone: .positive),
                               Estimate(label: "Timeout rate", value: -0.2, lower: -0.9, upper: 0.5),
                               Estimate(label: "Fallback rate", value: 1.1, lower: -0.4, upper: 2.6)])
    }

    static var releasePlan: TimelineChart {
        let rows: [(String, String, String, Double, Tone?)] = [
            ("Phase 0: Preparation", "Environment Setup", "2024-01-08", 3, nil), ("Phase 0: Preparation", "Testing & Validation", "2024-01-11", 2, nil),
            ("Phase 1: Staging", "Deploy to Staging", "2024-01-15", 1, nil), ("Phase 1: Staging", "Performance Testing", "2024-01-16", 3, nil),
            ("Phase 1: Staging", "User Acceptance", "2024-01-19", 2, nil), ("Phase 2: Canary", "Deploy 20% Traffic", "2024-01-22", 1, .critical),
            ("Phase 2: Canary", "Monitor & Validate", "2024-01-23", 2, nil), ("Phase 2: Canary", "Scale to 50%", "2024-01-25", 1, nil),
            ("Phase 3: Full Production", "Complete Migration", "2024-01-28", 1, nil), ("Phase 3: Full Production", "Performance Validation", "2024-01-29", 2, nil),
            ("Phase 3: Full Production", "Documentation Update", "2024-01-31", 1, nil),
        ]
        return TimelineChart(id: "release-plan", title: "Deployment timeline (3 weeks)", description: "The release plan's phases and tasks.",
                             xLabel: "Date", yLabel: "Task", format: .date,
                             items: rows.map { TimelineItem(label: $0.1, section: $0.0, start: day($0.2), end: day($0.2) + $0.3 * 86_400, tone: $0.4) },
                             markers: [EventMarker(label: "go/no-go", x: day("2024-01-22"), tone: .warning)])
    }

    static var incident: TimelineChart {
        let t0 = canaryStart + 33 * 3600 - 1500
        return TimelineChart(id: "incident-42", title: "Incident INC-42: p99 latency breach", description: "From detection to resolution.",
                             xLabel: "Time (UTC)", yLabel: "Phase", format: .dateTime,
                             items: [TimelineItem(label: "Impact", start: t0, end: t0 + 2700, tone: .negative),
                                     TimelineItem(label: "Detection", start: t0, end: t0 + 480, tone: .warning),
                                     TimelineItem(label: "Rollback to 5%", start: t0 + 1500, end: t0 + 1500, tone: .info),
                                     TimelineItem(label: "Mitigation", start: t0 + 480, end: t0 + 2100),
                                     TimelineItem(label: "Verification", start: t0 + 2100, end: t0 + 3900, tone: .positive)],
                             markers: [EventMarker(label: "paged", x: t0 + 300, tone: .warning),
                                       EventMarker(label: "resolved", x: t0 + 3900, tone: .positive)])
    }

    static var passRateTrend: Sparkline {
        Sparkline(id: "trend-pass-rate", title: "Pass rate across releases", xLabel: "Release", yLabel: "Pass rate", format: .percent(decimals: 1),
                  values: [91.2, 92.8, 95.1, 94.0, 96.3, 97.2, 93.9], labels: ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "2.0"])
    }

    static var p99Trend: Sparkline {
        Sparkline(id: "trend-p99", title: "p99 latency across releases", xLabel: "Release", yLabel: "p99", format: .duration(.milliseconds),
                  values: [640, 610, 655, 590, 560, 540, 575], labels: ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "2.0"])
    }

    static var speedupTrend: Sparkline {
        Sparkline(id: "trend-speedup", title: "Training speed-up vs baseline", xLabel: "Release", yLabel: "Speed-up", format: .percent(decimals: 0),
                  values: [0, 4, 12, 18, 17, 29, 33], labels: ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "2.0"])
    }
}
