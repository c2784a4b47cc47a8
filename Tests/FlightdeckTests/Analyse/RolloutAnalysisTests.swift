import FlightdeckCore
import Foundation
import Testing
@testable import Flightdeck

@Suite("Rollout analysis")
struct RolloutAnalysisTests {
    private func figures(_ name: String, thresholds: RolloutThresholds = .init()) throws -> RolloutFigures {
        let rollout = try OperationsFixtures.readValid("rollout", name, read: RolloutReader.read)
        return RolloutAnalysis.analyse(rollout, thresholds: thresholds)
    }

    @Test func gatesJudgeEachStageWithReasons() throws {
        let f = try figures("multi-component")
        #expect(f.status == .inProgress && !f.allGatesPassed)
        let storage = try #require(f.components.first)
        #expect(storage.thresholds.minStageMinutes == 120, "file gates override the site's")
        #expect(storage.currentStage == "early_adopters")
        #expect(storage.currentTrafficPercent == 25)
        #expect(storage.timeInStageMinutes == 1620.0)
        #expect(storage.stages.map(\.status) == [.completed, .active, .planned])
        let canary = storage.stages[0]
        #expect(canary.successRate == 0.998 && canary.errorRate == 0.002)
        #expect(canary.passed == true)
        #expect(canary.gates.map(\.reason) == [
            "success rate 99.8% ≥ 99.0%", "error rate 0.2% ≤ 5.0%", "2000 requests ≥ 100",
            "1d in stage ≥ 2h", "p99 420 ms is +5.0% vs baseline 400 ms ≤ +20.0%",
        ])
        let early = storage.stages[1]
        #expect(early.passed == false)
        #expect(early.gates.map(\.outcome) == [.fail, .pass, .pass, .pass, .fail])
        #expect(early.gates[0].reason == "success rate 98.8% < 99.0%")
        #expect(early.gates[4].reason == "p99 500 ms is +25.0% vs baseline 400 ms > +20.0%")
        #expect(storage.stages[2].gates.isEmpty && storage.stages[2].passed == nil)
        #expect(storage.totalRequests == 7000 && storage.totalErrors == 64)
    }

    @Test func componentGatesOverrideFileAndSite() throws {
        let api = try #require(try figures("multi-component").components.last)
        #expect(api.thresholds.maxErrorRate == 0.001 && api.thresholds.minOperations == 1000)
        #expect(api.timeInStageMinutes == 3060.0, "+01:00 start is 09:00Z")
        let gates = try #require(api.stages.first?.gates)
        #expect(gates.map(\.reason) == [
            "success rate 99.9% ≥ 99.0%", "error rate 0.12% > 0.10%", "800 requests < 1000",
            "2d 3h in stage ≥ 2h", "not judged: no p99 latency for the stage",
        ])
        #expect(gates.map(\.outcome) == [.pass, .fail, .fail, .pass, .noData])
    }

    @Test func seriesFindsFirstThresholdCrossings() throws {
        let series = try figures("multi-component").series
        #expect(series.map(\.component) == ["storage", "api"])
        #expect(series[0].points == 4 && series[0].peakLatencyP99Ms == 510 && series[0].peakErrorRate == 0.012)
        #expect(series[0].latencyLimitMs == 480)
        #expect(series[0].firstLatencyBreach == (try OperationsFixtures.instant("2026-05-09T11:00:00Z")))
        #expect(series[0].firstErrorRateBreach == nil)
        #expect(series[1].firstErrorRateBreach == (try OperationsFixtures.instant("2026-05-08T10:00:00Z")))
        #expect(series[1].latencyLimitMs == nil)
    }

    @Test func finalStageAtFullTrafficThatEndedIsComplete() throws {
        let f = try figures("single-component")
        #expect(f.status == .complete && f.rollbackCount == 0 && f.allGatesPassed)
        #expect(f.asOf == (try OperationsFixtures.instant("2026-03-04T12:00:00Z")), "latest time in the data")
        let trainer = try #require(f.components.first)
        #expect(trainer.currentStage == "full" && trainer.currentTrafficPercent == 100)
        #expect(trainer.stages.allSatisfy { $0.passed == true })
    }

    @Test func rollbackToANamedStageSetsTrafficAndMarksTheStage() throws {
        let f = try figures("rolled-back")
        #expect(f.status == .rolledBack && f.rollbackCount == 1)
        let c = try #require(f.components.first)
        #expect(c.currentStage == "half")
        #expect(c.currentTrafficPercent == 5, "rolled back to canary")
        #expect(c.stages.map(\.status) == [.completed, .rolledBack])
        #expect(c.stages[1].errorRate == 0.09)
        #expect(c.stages[1].gates.map(\.outcome) == [.fail, .fail, .pass, .fail, .noData])
        #expect(c.stages[1].gates[3].reason == "40m in stage < 1h")
        #expect(c.rollbacks.first?.reason == "data mismatch in registration records")
    }

    @Test func emergencyRollbackWithoutStageTakesAllTraffic() {
        let start = Date(timeIntervalSince1970: 0)
        let component = RolloutComponent(
            name: "svc", stages: [RolloutStage(name: "canary", trafficPercent: 10, start: start)],
            events: [RolloutEvent(kind: .pause, at: start.addingTimeInterval(60)),
                     RolloutEvent(kind: .emergencyRollback, at: start.addingTimeInterval(120), reason: "timeouts")])
        let f = RolloutAnalysis.analyse(Rollout(path: "r.yaml", format: .yaml, components: [component]), thresholds: .init())
        #expect(f.status == .rolledBack)
        #expect(f.components[0].currentTrafficPercent == 0)
        #expect(f.components[0].timeInStageMinutes == 2)
    }

    @Test func pausedUntilResumed() {
        let start = Date(timeIntervalSince1970: 0)
        var component = RolloutComponent(name: "svc", stages: [RolloutStage(name: "canary", trafficPercent: 10, start: start)],
                                         events: [RolloutEvent(kind: .pause, at: start)])
        var f = RolloutAnalysis.analyse(Rollout(path: "r", format: .yaml, components: [component]), thresholds: .init())
        #expect(f.status == .paused)
        component.events.append(RolloutEvent(kind: .resume, at: start.addingTimeInterval(1)))
        f = RolloutAnalysis.analyse(Rollout(path: "r", format: .yaml, components: [component]), thresholds: .init())
        #expect(f.status == .inProgress)
    }

    @Test func controllerStateUsesItsOwnThresholds() throws {
        let f = try figures("controller-only")
        let c = try #require(f.components.first)
        #expect(c.thresholds.minSuccessRate == 0.98 && c.thresholds.maxErrorRate == 0.02 && c.thresholds.minStageMinutes == 2880)
        #expect(c.stages[0].gates.map(\.reason).prefix(4) == [
            "success rate 99.0% ≥ 98.0%", "error rate 1.0% ≤ 2.0%", "1000 requests ≥ 100", "1d in stage < 2d",
        ])
    }

    @Test func zeroRequestsNeverDivides() {
        let stage = RolloutStage(name: "s", trafficPercent: 5, start: Date(timeIntervalSince1970: 0), requests: 0, errors: 0)
        let f = RolloutAnalysis.analyse(Rollout(path: "r", format: .yaml, components: [RolloutComponent(name: "c", stages: [stage])]),
                                        thresholds: .init())
        let s = f.components[0].stages[0]
        #expect(s.successRate == nil && s.errorRate == nil)
        #expect(s.gates[0].reason == "not judged: no requests in the stage")
        #expect(s.passed == false, "0 requests fails the minimum-operations gate")
    }

    @Test func reasonTextIsStableAndNeverAmbiguous() {
        #expect(FigureText.percent(0.008) == "0.8%")
        #expect(FigureText.percent(0.98996, against: 0.99) == "98.996%", "one decimal would read 99.0% < 99.0%")
        #expect(FigureText.percent(0.99, against: 0.98996) == "99.000%")
        #expect(FigureText.signedPercent(-0.0001) == "0.0%", "no sign on a value that rounds to zero")
        #expect(FigureText.signedPercent(0.125) == "+12.5%")
        #expect(FigureText.number(412.0) == "412" && FigureText.number(0.25) == "0.25" && FigureText.number(-0.001) == "0")
        #expect([FigureText.duration(minutes: 45), FigureText.duration(minutes: 320), FigureText.duration(minutes: 3060)]
                == ["45m", "5h 20m", "2d 3h"])
    }

    @Test func samplesWithoutAComponentAreJudgedByTheFileGates() {
        let start = Date(timeIntervalSince1970: 0)
        let components = ["a", "b"].map { RolloutComponent(name: $0, stages: [RolloutStage(name: "s", trafficPercent: 5, start: start)]) }
        let points = [0.01, 0.03, 0.02].enumerated().map {
            RolloutMetricPoint(timestamp: start.addingTimeInterval(Double($0.offset) * 60), trafficPercent: 5, errorRate: $0.element, latencyP99Ms: 100)
        }
        let rollout = Rollout(path: "r", format: .yaml, gates: RolloutGateOverrides(maxErrorRate: 0.025), components: components, metrics: points)
        let series = RolloutAnalysis.analyse(rollout, thresholds: .init()).series
        #expect(series.count == 1 && series[0].component == nil && series[0].points == 3)
        #expect(series[0].firstErrorRateBreach == start.addingTimeInterval(60))
        #expect(series[0].latencyLimitMs == nil, "no single component, so no baseline")
    }
}
