import Foundation
import Testing
@testable import Flightdeck

/// Controllers' objects and Prometheus responses in a release's `rollout/` folder: how they merge with rollout.yaml,
/// what the verdict makes of them, and how `flightdeck add` recognises them.
struct RolloutControllerTests {
    private func verdict(_ rollout: Rollout, thresholds: RolloutThresholds = .init()) throws -> Verdict.Reason {
        try #require(RolloutKind.reason(RolloutAnalysis.analyse(rollout, thresholds: thresholds)))
    }

    /// A release holding only these real files, as `rollout/<name>`.
    private func release(_ real: [String]) throws -> ReleaseSource {
        let files = try real.map { path in
            ContentFile(path: "r/rollout/\(path.split(separator: "/").last ?? "")", url: try FixtureLoader.root.appendingPathComponent("rollouts/\(path)"))
        }
        return ReleaseSource(id: "r", folder: "r", files: files.sorted { $0.path < $1.path })
    }

    @Test func anAbortedRolloutWithItsFailedAnalysisIsABlocker() throws {
        let rollout = try OperationsFixtures.readValid("rollout", "argo-aborted", read: RolloutReader.read)
        #expect(rollout.format == .controllerObjects)
        let component = try #require(rollout.components.first)
        #expect(component.name == "rollout-background-analysis")
        #expect(component.source?.analyses.map(\.name) == ["rollout-background-analysis-db976bc44-2"])
        let figures = RolloutAnalysis.analyse(rollout, thresholds: .init())
        #expect(figures.status == .rolledBack)
        let stage = try #require(figures.components.first?.stages.first)
        #expect(stage.status == .rolledBack && stage.trafficPercent == 10)
        let analysis = try #require(stage.gates.last)
        #expect(analysis.gate == .analysis && analysis.outcome == .fail && analysis.name == "web")
        let reason = try verdict(rollout)
        #expect(reason.level == .blocker)
        #expect(reason.message == #"rolled back (1 rollback): metric "web" assessed Failed due to failed (1) > failureLimit (0)"#)
    }

    @Test func rolloutYAMLAddsGatesEventsAndPrometheusSeriesToAControllersComponent() throws {
        let rollout = try OperationsFixtures.readValid("rollout", "controllers-and-yaml", read: RolloutReader.read)
        #expect(rollout.format == .yaml)
        #expect(rollout.components.map(\.name) == ["guestbook-canary", "podinfo"])
        let guestbook = rollout.components[0]
        #expect(guestbook.source?.controller == .argoRollouts && guestbook.gates.maxErrorRate == 0.5 && guestbook.baselineLatencyP99Ms == 250)
        #expect(guestbook.stages.map(\.name) == ["step 1", "step 3", "promoted"])
        #expect(guestbook.events.map(\.kind) == [.advance])
        #expect(rollout.prometheus.map(\.role) == [.errorRate, .latencyP99Ms])
        #expect(rollout.prometheus[0].labels.map(\.value) == ["up", "localhost:9091", "node"])
        #expect(rollout.metrics.compactMap(\.errorRate) == [0, 0, 1])
        #expect(rollout.metrics.compactMap(\.latencyP99Ms) == [210, 320, 430], "goroutines × scale 10")
        #expect(Set(RolloutKind.referencedFiles(in: rollout)) == ["controllers-and-yaml/rollout/up.json", "controllers-and-yaml/rollout/goroutines.json"])

        let podinfo = rollout.components[1]
        #expect(podinfo.source?.controller == .flagger)
        #expect(podinfo.stages.map(\.name) == ["10%", "20%", "30%", "40%", "50%", "promotion"])
        #expect(podinfo.stages.map { $0.reported?.rawValue } == ["completed", "completed", "active", "planned", "planned", "planned"])
        #expect(podinfo.stages[2].checks.map(\.reason) == ["1 failed check < threshold 5 (Flagger analysis)"])

        let figures = RolloutAnalysis.analyse(rollout, thresholds: .init())
        #expect(figures.series.first?.peakErrorRate == 1 && figures.series.first?.latencyLimitMs == 300)
        #expect(figures.components[0].thresholds.minStageMinutes == 5)
        let reason = try verdict(rollout)
        #expect(reason.level == .pending)
        #expect(reason.message.hasPrefix("in progress at guestbook-canary 100%, podinfo 30%"))
    }

    @Test func aSucceededCanaryWhoseAnalysisPassedIsGo() throws {
        let rollout = try OperationsFixtures.readValid("rollout", "flagger-succeeded", read: RolloutReader.read)
        let reason = try verdict(rollout)
        #expect(reason.level == .pass && reason.message == "complete at 100%; every gate passed")
    }

    @Test func aCompletedRolloutWithoutAnyJudgedStageWaitsForEvidence() throws {
        let log = DiagnosticLog()
        let rollout = try #require(RolloutReader.read(try release(["argo-rollout/argo-cd-canary-healthy_executedAllSteps.yaml"]), log: log))
        #expect(log.diagnostics.isEmpty)
        let reason = try verdict(rollout)
        #expect(reason.level == .pending)
        #expect(reason.message == "complete at 100%, but no gate could be judged in step 1, step 3")
        let succeeded = try #require(RolloutReader.read(try release(["flagger-canary/argo-cd-succeeded.yaml"]), log: log))
        #expect(try verdict(succeeded).message == "complete at 100%, but no gate could be judged in analysis")
    }

    @Test func aDegradedRolloutThatWasNotAbortedHasFailed() throws {
        let log = DiagnosticLog()
        let rollout = try #require(RolloutReader.read(try release(["argo-rollout/argo-rollouts-info-canary-rollout.yaml"]), log: log))
        let reason = try verdict(rollout)
        #expect(reason.level == .blocker)
        #expect(reason.message == #"failed (canary-demo: ReplicaSet "canary-demo-65fb5ffc84" has timed out progressing.)"#)
    }

    @Test func aStepAnalysisJudgesTheStageHoldingItsStep() throws {
        var rollout = ControllerRollout(
            component: RolloutComponent(name: "c", stages: [RolloutStage(name: "step 1", trafficPercent: 20), RolloutStage(name: "step 3", trafficPercent: 50),
                                                            RolloutStage(name: "promoted", trafficPercent: 100)],
                                        source: RolloutSource(controller: .argoRollouts, path: "p", apiVersion: "argoproj.io/v1alpha1", kind: "Rollout",
                                                              name: "c", namespace: nil, strategy: "canary", status: .inProgress)),
            location: .file("p"), namespace: nil, podHash: "abc", firstSteps: [0, 2, 4])
        for index in rollout.component.stages.indices { rollout.component.stages[index].reported = index < 2 ? .completed : .planned }
        var metric = RolloutAnalysisMetric(name: "success-rate")
        metric.phase = "Successful"
        let runs = [("x", 3, "abc"), ("old", 1, "zzz")].map { name, step, hash in
            ArgoAnalysisRunReader.Read(run: RolloutAnalysisRun(name: name, path: "p", role: .step, stepIndex: step, metrics: [metric]),
                                       owner: "c", namespace: nil, podHash: hash, location: .file("p"))
        }
        var rollouts = [rollout]
        #expect(ArgoAnalysisChecks.attach(runs, to: &rollouts, log: DiagnosticLog()).isEmpty)
        #expect(rollouts[0].component.stages.map(\.checks.count) == [0, 1, 0], "step 3 (index 3) is in the stage starting at step index 2")
        #expect(rollouts[0].component.source?.analyses.map(\.current) == [true, false], "another revision's run is listed, not judged")
    }

    @Test(arguments: try RolloutRealFilesTests.files())
    func addRecognisesEachRealFileAsItsFormat(file: ContentFile) throws {
        let data = try Data(contentsOf: file.url)
        let sample = FileSample(name: file.name, head: String(decoding: data.prefix(FileSample.limit), as: UTF8.self), size: data.count)
        let scores = Registry.formats.map { ($0.format.id, $0.format.recognise(sample)) }
        let best = try #require(scores.max { $0.1 < $1.1 })
        let format = file.path.split(separator: "/")[1]
        #expect(best.0 == format && best.1 >= 0.5, "\(file.path): \(scores.filter { $0.1 > 0 })")
        let destination = try #require(Registry.formats.first { $0.format.id == best.0 }).format.destination(file.name)
        #expect(destination == "rollout/\(file.name)")
    }

    @Test func addKeepsAKnownExtensionAndAddsOneOtherwise() throws {
        let formats = Dictionary(uniqueKeysWithValues: RolloutKind.formats.map { ($0.id, $0) })
        #expect(formats["argo-rollout"]?.destination("checkout") == "rollout/checkout.yaml")
        #expect(formats["prometheus-query-range"]?.destination("error-rate") == "rollout/error-rate.json")
        #expect(formats["flagger-canary"]?.destination("podinfo.yml") == "rollout/podinfo.yml")
        let json = FileSample(name: "x", head: #"{"kind":"AnalysisRun","apiVersion":"argoproj.io/v1alpha1","metadata":{"ownerReferences":[{"kind":"Rollout"}]}}"#, size: 90)
        #expect(formats["argo-analysisrun"]?.recognise(json) == 0.9 && formats["argo-rollout"]?.recognise(json) == 0.7)
        let list = FileSample(name: "x", head: "apiVersion: v1\nitems:\n- apiVersion: argoproj.io/v1alpha1\n  kind: Rollout\nkind: List\n", size: 60)
        #expect(formats["argo-rollout"]?.recognise(list) == 0.9 && formats["rollout-yaml"]?.recognise(list) == 0)
    }
}
