import FlightdeckCore
import Foundation
import Testing
@testable import Flightdeck

/// The example site's operational data (scripts/example/operations.py) reads cleanly and tells each release's story.
@Suite("Example site: rollout, incidents, experiments")
struct RolloutExampleSiteTests {
    private static func release(_ id: String) throws -> ReleaseSource {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("content/releases/\(id)")
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var files: [ContentFile] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.hasDirectoryPath { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            files.append(ContentFile(path: "content/releases/\(id)/\(relative)", url: url))
        }
        try #require(!files.isEmpty, "content/releases/\(id) has files")
        return ReleaseSource(id: id, folder: "content/releases/\(id)", files: files.sorted { $0.path < $1.path })
    }

    private func clean<T>(_ id: String, _ read: (ReleaseSource, DiagnosticLog) -> T?) throws -> T {
        let log = DiagnosticLog()
        let value = read(try Self.release(id), log)
        #expect(log.diagnostics.map(\.description) == [], "\(id)")
        return try #require(value)
    }

    @Test func trainerRolloutIsCompleteWithEveryGatePassing() throws {
        let f = RolloutAnalysis.analyse(try clean("2026.1-trainer-optimisation", RolloutReader.read), thresholds: .init())
        #expect(f.status == .complete && f.rollbackCount == 0)
        #expect(f.components[0].stages.map(\.name) == ["staging", "canary", "half", "full"])
        #expect(f.components[0].stages.allSatisfy { $0.passed == true })
        let incidents = IncidentAnalysis.analyse(try clean("2026.1-trainer-optimisation", IncidentReader.read))
        #expect(incidents.count == 1 && incidents.openCount == 0 && incidents.bySeverity[3].total == 1)
    }

    @Test func cutoverIsRolledBackAfterTheMismatchIncident() throws {
        let rollout = try clean("2026.2-warehouse-cutover", RolloutReader.read)
        let f = RolloutAnalysis.analyse(rollout, thresholds: .init())
        #expect(f.status == .rolledBack && f.rollbackCount == 2)
        let registration = try #require(f.components.first { $0.name == "registration" })
        #expect(registration.currentTrafficPercent == 0 && registration.stages.last?.status == .rolledBack)
        #expect(registration.stages.last?.passed == false)
        let storage = try #require(f.components.first { $0.name == "storage" })
        #expect(storage.currentTrafficPercent == 25)
        let rollback = try #require(registration.rollbacks.first?.at)
        let series = try #require(f.series.first { $0.component == "registration" })
        #expect(try #require(series.firstErrorRateBreach) < rollback)
        #expect(try #require(series.firstLatencyBreach) < rollback)
        let incidents = try clean("2026.2-warehouse-cutover", IncidentReader.read)
        let sev2 = try #require(incidents.incidents.first { $0.severity == .sev2 })
        #expect(sev2.rollbackTriggered && sev2.mitigated == rollback && sev2.status == .mitigated)
        let figures = IncidentAnalysis.analyse(incidents)
        #expect(figures.bySeverity.map(\.open) == [0, 1, 0, 0] && figures.openActionItems == 2 && figures.openMajor == 1)
    }

    @Test func invoiceExperimentFavoursTreatmentAndRolloutWaitsAt25Percent() throws {
        let experiment = try clean("2026.3-invoice-gemini", ExperimentReader.read)
        let f = ExperimentAnalysis.analyse(experiment, thresholds: .init())
        #expect(f.significantImprovements == ["processing_time", "cost_per_invoice"])
        #expect(f.significantRegressions == ["fallback_rate"])
        #expect(f.recommendation.code == .proceedWithCaution)
        #expect(f.periodStart.map(Timestamp.dayString) == "2026-09-01" && f.periodEnd.map(Timestamp.dayString) == "2026-09-14")
        let rollout = try clean("2026.3-invoice-gemini", RolloutReader.read)
        #expect(rollout.controller != nil, "the controller state beside rollout.yaml agrees with it")
        let r = RolloutAnalysis.analyse(rollout, thresholds: .init())
        #expect(r.status == .inProgress)
        #expect(r.components[0].currentStage == "expanded" && r.components[0].currentTrafficPercent == 25)
        #expect(r.components[0].timeInStageMinutes == 1440)
        let treatment = try #require(experiment.metrics.first { $0.name == "processing_time" }?.treatment.n)
        #expect(rollout.components[0].stages[0].requests == treatment, "the 5% stage served the A/B treatment")
    }
}
