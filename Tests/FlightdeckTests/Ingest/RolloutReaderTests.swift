import Foundation
import Testing
@testable import Flightdeck

@Suite("Rollout reader")
struct RolloutReaderTests {
    @Test("invalid rollout files give the diagnostics next to them", arguments: OperationsFixtures.cases("rollout", "invalid"))
    func invalid(name: String) throws {
        try OperationsFixtures.checkInvalid("rollout", name) { release, log in _ = RolloutReader.read(release, log: log) }
    }

    @Test func readsComponentsStagesEventsAndMetrics() throws {
        let rollout = try OperationsFixtures.readValid("rollout", "multi-component", read: RolloutReader.read)
        #expect(rollout.format == .yaml)
        #expect(rollout.path == "multi-component/rollout.yaml")
        #expect(rollout.components.map(\.name) == ["storage", "api"])
        #expect(rollout.gates.minStageMinutes == 120)
        let storage = try #require(rollout.components.first)
        #expect(storage.stages.map(\.name) == ["canary", "early_adopters", "general_availability"])
        #expect(storage.stages[1].requests == 5000 && storage.stages[1].errors == 60)
        #expect(storage.stages[2].start == nil)
        #expect(storage.baselineLatencyP99Ms == 400)
        #expect(storage.events.map(\.kind) == [.advance])
        #expect(rollout.components[1].gates.maxErrorRate == 0.001)
        #expect(rollout.components[1].stages[0].start == (try OperationsFixtures.instant("2026-05-08T09:00:00Z")))
        #expect(rollout.metricsPath == "multi-component/metrics.csv")
        #expect(rollout.metrics.map(\.latencyP99Ms) == [410, 200, 430, 510, 470], "sorted by time, stable")
        #expect(rollout.controller?.components.map(\.currentStage) == ["canary", "early_adopters"])
    }

    @Test func singleComponentFormSortsEvents() throws {
        let rollout = try OperationsFixtures.readValid("rollout", "single-component", read: RolloutReader.read)
        #expect(rollout.components.map(\.name) == ["trainer"])
        #expect(rollout.components[0].events.map(\.stage) == ["canary", "full"])
    }

    @Test func controllerStateAloneBecomesOneStagePerComponent() throws {
        let rollout = try OperationsFixtures.readValid("rollout", "controller-only", read: RolloutReader.read)
        #expect(rollout.format == .controllerState)
        let component = try #require(rollout.components.first)
        #expect(component.name == "invoice-processing")
        #expect(component.stages.map(\.name) == ["expanded"])
        #expect(component.stages[0].trafficPercent == 25)
        #expect(component.stages[0].requests == 1000 && component.stages[0].errors == 10)
        #expect(component.gates == RolloutGateOverrides(minSuccessRate: 0.98, maxErrorRate: 0.02, minStageMinutes: 2880))
        #expect(rollout.asOf == (try OperationsFixtures.instant("2026-09-15T09:00:00Z")))
    }

    @Test func seedTimestampsWithoutZoneAreUTCWithAWarning() throws {
        let text = #"{"current_stages": {"storage": "canary"}, "metrics": {"storage": {"success_count": 10, "error_count": 0, "stage_started": "2026-05-01T09:30:00.250000"}}}"#
        let log = DiagnosticLog()
        let state = try #require(RolloutStateReader.read(SourceFile(path: "s.json", text: text), log: log))
        #expect(log.diagnostics.map(\.description) == ["s.json:1:123: warning: 'stage_started' has no time zone; read as UTC"])
        #expect(state.components.first?.stageStarted == (try OperationsFixtures.instant("2026-05-01T09:30:00.25Z")))
    }

    @Test func controllerDisagreeingWithYAMLIsAWarning() throws {
        let release = try OperationsFixtures.release("rollout", "valid", "multi-component")
        let log = DiagnosticLog()
        var rollout = try #require(RolloutReader.read(release, log: log))
        rollout.components[0].stages[1].start = nil
        let state = try #require(rollout.controller)
        RolloutStateReader.crossCheck(state, against: rollout, log: log)
        #expect(log.diagnostics.map(\.description) == [
            "multi-component/rollout_state.json:5:33: warning: controller stage 'early_adopters' means 25% traffic, but multi-component/rollout.yaml has 'canary' at 5%",
        ])
    }

    @Test func filesOverTheLimitAreRefusedBeforeReading() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("flightdeck-limit-\(UUID().uuidString).yaml")
        try String(repeating: "x", count: 3 << 20).write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let log = DiagnosticLog()
        #expect(ContentFile(path: "big.yaml", url: url).readText(log: log, limit: 2 << 20) == nil)
        #expect(log.diagnostics.map(\.description) == [
            "big.yaml:1:1: error: file is 3 MiB; the limit for this kind of file is 2 MiB (aggregate the data, or split it)",
        ])
    }
}
