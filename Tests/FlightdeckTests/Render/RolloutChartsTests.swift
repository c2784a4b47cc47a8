import Foundation
import Testing
import FlightdeckCharts
@testable import Flightdeck

/// The rollout charts drawn from rollout data.
@Suite struct RolloutChartsTests {
    private let start = Date(timeIntervalSince1970: 1_788_220_800) // 2026-09-01T00:00:00Z
    private let hour = 3_600.0

    /// The invoice rollout's shape: 5% from the start, advanced to 25% at `advance`, reported `asOf` a day later.
    private func rollout(asOf: Date?) -> Rollout {
        let advance = start.addingTimeInterval(13 * 24 * hour)
        let component = RolloutComponent(
            name: "invoice-processing",
            stages: [RolloutStage(name: "initial", trafficPercent: 5, start: start, end: advance),
                     RolloutStage(name: "expanded", trafficPercent: 25, start: advance),
                     RolloutStage(name: "majority", trafficPercent: 50)],
            events: [RolloutEvent(kind: .advance, at: advance, stage: "expanded")])
        return Rollout(path: "rollout.yaml", format: .yaml, asOf: asOf, components: [component])
    }

    /// The traffic step chart, or nil when there is none.
    private func traffic(_ rollout: Rollout) -> StepChart? {
        let figures = RolloutAnalysis.analyse(rollout, thresholds: .init())
        guard case .step(let chart)? = RolloutCharts.charts(rollout, figures: figures, prefix: "r")["rollout_traffic"] else { return nil }
        return chart
    }

    @Test func trafficStepRunsOnToAsOf() throws {
        let asOf = start.addingTimeInterval(14 * 24 * hour)
        let chart = try #require(traffic(rollout(asOf: asOf)))
        let points = try #require(chart.series.first?.points)
        #expect(points.last == Point(x: asOf.timeIntervalSince1970, y: 25), "the current stage holds its 25% until as_of")
        #expect(chart.dataTable().contains("2026-09-15 00:00 UTC"))
        #expect(points.map(\.y) == [5, 5, 25, 25])
    }

    @Test func trafficStepEndsAtTheLastChangeWithoutALaterAsOf() throws {
        let advance = start.addingTimeInterval(13 * 24 * hour)
        for asOf in [advance, advance.addingTimeInterval(-hour)] {
            let points = try #require(traffic(rollout(asOf: asOf))?.series.first?.points)
            #expect(points.last == Point(x: advance.timeIntervalSince1970, y: 25))
            #expect(points.count == 3)
        }
    }

    @Test func rolledBackTrafficStaysAtZeroUntilAsOf() throws {
        var data = rollout(asOf: nil)
        let rollback = start.addingTimeInterval(13 * 24 * hour + 2 * hour)
        data.components[0].events.append(RolloutEvent(kind: .rollback, at: rollback))
        data.asOf = rollback.addingTimeInterval(6 * hour)
        let points = try #require(traffic(data)?.series.first?.points)
        #expect(points.suffix(2) == [Point(x: rollback.timeIntervalSince1970, y: 0),
                                     Point(x: rollback.timeIntervalSince1970 + 6 * hour, y: 0)])
    }

    /// The error-rate chart of a rollout with metrics, analysed with `thresholds`.
    private func errorRate(_ thresholds: RolloutThresholds, overrides: RolloutGateOverrides = .init()) throws -> LineChart {
        var rollout = rollout(asOf: nil)
        rollout.components[0].gates = overrides
        rollout.metrics = (0..<3).map { RolloutMetricPoint(timestamp: start.addingTimeInterval(Double($0) * hour), trafficPercent: 5, errorRate: 0.01, latencyP99Ms: 300) }
        let figures = RolloutAnalysis.analyse(rollout, thresholds: thresholds)
        guard case .line(let chart)? = RolloutCharts.charts(rollout, figures: figures, prefix: "r")["rollout_error_rate"] else {
            throw ChartMissing()
        }
        return chart
    }

    private struct ChartMissing: Error {}

    @Test func rollbackLineIsTheThresholdAnalysisApplied() throws {
        var site = RolloutThresholds()
        site.maxErrorRate = 0.02
        let chart = try errorRate(site)
        #expect(chart.thresholds.map(\.value) == [2])
        #expect(chart.thresholds.map(\.label) == ["rollback at 2%"])
        var overrides = RolloutGateOverrides()
        overrides.maxErrorRate = 0.03
        #expect(try errorRate(site, overrides: overrides).thresholds.map(\.value) == [3], "rollout.yaml's override wins")
    }

    /// The release's incidents are marked on the rollout's charts (detected, mitigated, resolved), each chart
    /// showing those within its time span.
    @Test func incidentsAreMarkedOnTheRolloutsCharts() throws {
        var data = rollout(asOf: start.addingTimeInterval(14 * 24 * hour))
        data.metrics = (0..<4).map { RolloutMetricPoint(timestamp: start.addingTimeInterval(Double($0) * hour), trafficPercent: 5, errorRate: 0.01, latencyP99Ms: 300) }
        let during = Incident(id: "INC-7", title: "errors", severity: .sev2, status: .resolved, started: start.addingTimeInterval(hour / 2),
                              detected: start.addingTimeInterval(hour), mitigated: start.addingTimeInterval(2 * hour),
                              resolved: start.addingTimeInterval(5 * 24 * hour), path: "incidents/inc-7.md")
        let later = Incident(id: "INC-8", title: "later", severity: .sev4, status: .open, started: start.addingTimeInterval(40 * 24 * hour), path: "incidents/inc-8.md")
        let figures = RolloutAnalysis.analyse(data, thresholds: .init())
        let charts = RolloutCharts.charts(data, figures: figures, incidents: [during, later], prefix: "r")
        guard case .line(let errors)? = charts["rollout_error_rate"], case .line(let latency)? = charts["rollout_latency"],
              case .step(let traffic)? = charts["rollout_traffic"] else { throw ChartMissing() }
        #expect(errors.events.map(\.label) == ["INC-7 (SEV2) detected", "INC-7 mitigated"], "the resolution is past the metrics' span")
        #expect(latency.events.map(\.label) == errors.events.map(\.label))
        #expect(errors.events.map(\.x) == [start.addingTimeInterval(hour), start.addingTimeInterval(2 * hour)].map(\.timeIntervalSince1970))
        #expect(traffic.events.map(\.label) == ["advance → expanded", "INC-7 (SEV2) detected", "INC-7 mitigated", "INC-7 resolved"],
                "INC-8, weeks after as_of, would squeeze the stages")
        #expect(traffic.description.hasSuffix("incidents, threshold breaches and sign-offs within it."))
        #expect(!traffic.xStops.isEmpty, "the stages are the traffic axis' stops")
        let svg = Chart.line(errors).svg()
        #expect(svg.contains(">INC-7 (SEV2) detected</text>") && svg.contains("fd-tone-negative"))
    }

    /// The first sample above the maximum error rate and the first above the latency limit are marked on all
    /// three charts, with the limit analysis applied; a run of breaching samples is one marker, not one each.
    @Test func thresholdBreachesAreMarkedOnTheRolloutsCharts() throws {
        var data = rollout(asOf: start.addingTimeInterval(14 * 24 * hour))
        data.components[0].baselineLatencyP99Ms = 200
        let errorRates = [0.001, 0.002, 0.08, 0.09, 0.001]
        let latencies = [190.0, 205, 210, 400, 190]
        data.metrics = (0..<5).map { RolloutMetricPoint(timestamp: start.addingTimeInterval(Double($0) * hour), trafficPercent: 5,
                                                        errorRate: errorRates[$0], latencyP99Ms: latencies[$0]) }
        var thresholds = RolloutThresholds()
        thresholds.maxErrorRate = 0.05
        thresholds.maxLatencyRegression = 0.5
        let figures = RolloutAnalysis.analyse(data, thresholds: thresholds)
        let charts = RolloutCharts.charts(data, figures: figures, prefix: "r")
        guard case .line(let errors)? = charts["rollout_error_rate"], case .line(let latency)? = charts["rollout_latency"],
              case .step(let traffic)? = charts["rollout_traffic"] else { throw ChartMissing() }
        let breaches = [EventMarker(label: "error rate over 5%", x: start.addingTimeInterval(2 * hour).timeIntervalSince1970, tone: .critical),
                        EventMarker(label: "p99 over limit", x: start.addingTimeInterval(3 * hour).timeIntervalSince1970, tone: .warning)]
        #expect(errors.events == breaches && latency.events == breaches)
        #expect(traffic.events.filter { $0.label.contains("over") } == breaches)
        #expect(Chart.line(errors).svg().contains(">error rate over 5%</text>"))
    }

    /// Dated sign-offs within the rollout are marked on the traffic chart, their roles as written.
    @Test func signoffsAreMarkedOnTheTrafficChart() throws {
        let data = rollout(asOf: start.addingTimeInterval(14 * 24 * hour))
        let figures = RolloutAnalysis.analyse(data, thresholds: .init())
        let entries = [Signoffs.Entry(role: "QA lead", approver: "Ana", decision: .approved, date: start.addingTimeInterval(24 * hour), line: 3),
                       Signoffs.Entry(role: "sre", approver: "Bo", decision: .rejected, date: start.addingTimeInterval(2 * 24 * hour), line: 7),
                       Signoffs.Entry(role: "pm", approver: "Cy", decision: .approved, date: nil, line: 9),
                       Signoffs.Entry(role: "cab", approver: "Di", decision: .approved, date: start.addingTimeInterval(-30 * 24 * hour), line: 11)]
        guard case .step(let traffic)? = RolloutCharts.charts(data, figures: figures, signoffs: entries, prefix: "r")["rollout_traffic"] else {
            throw ChartMissing()
        }
        let marked = traffic.events.filter { $0.label.hasPrefix("sign-off") }
        #expect(marked.map(\.label) == ["sign-off QA lead: approved", "sign-off sre: rejected"], "undated and out-of-span ones are left out")
        #expect(marked.map(\.tone) == [.positive, .negative])
    }
}
