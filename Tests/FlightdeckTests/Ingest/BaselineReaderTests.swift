import FlightdeckCore
import Foundation
import Testing
@testable import Flightdeck

/// Baseline files: the valid fixtures give numpy's figures, each invalid fixture gives the diagnostics beside it.
struct BaselineReaderTests {
    @Test(arguments: ["seed-format.json", "seed-format.csv"])
    func validFileMatchesNumpyFigures(name: String) throws {
        let log = DiagnosticLog()
        let baseline = try #require(BaselineReader.read(try FixtureLoader.file("ingest/baseline/valid/\(name)"), log: log))
        #expect(!log.hasErrors, "\(log.diagnostics)")
        #expect(log.diagnostics.count == 1, "one warning for the naive timestamps")
        #expect(baseline.metrics.count == 27)
        let failed = try #require(baseline.metrics.first { !$0.success })
        #expect(failed.errorMessage == (name.hasSuffix("csv") ? "HTTP 503, \"Service Unavailable\"" : "HTTP 503"))
        let figures = BaselineAnalysis.analyse(baseline, thresholds: BaselineThresholds())
        let expected = try #require(try FixtureLoader.json("ingest/baseline/valid/seed-format.expected.json") as? [String: Any])
        try check(figures.overall, try #require(expected["overall"] as? [String: Any]))
        let types = try #require(expected["job_types"] as? [String: [String: Any]])
        #expect(figures.jobTypes.map(\.jobType) == ["small", "medium", "large"])
        for group in figures.jobTypes { try check(group, try #require(types[group.jobType ?? ""])) }
        #expect(figures.periodDays == 3)
        #expect(figures.periodStart.map(Timestamp.instantString) == "2026-02-02T08:37:15Z")
    }

    private func check(_ group: BaselineGroupFigures, _ expected: [String: Any]) throws {
        #expect(group.jobs == expected["jobs"] as? Int)
        #expect(group.successfulJobs == expected["successful_jobs"] as? Int)
        #expect(close(group.successRate, expected["success_rate"] as? Double))
        #expect(group.durationMinutes.count == expected["count"] as? Int)
        #expect(close(group.durationMinutes.mean, expected["mean"] as? Double))
        #expect(close(group.durationMinutes.std, expected["std"] as? Double))
        #expect(close(group.durationMinutes.min, expected["min"] as? Double))
        #expect(close(group.durationMinutes.max, expected["max"] as? Double))
        #expect(close(group.durationMinutes.p50, expected["p50"] as? Double))
        #expect(close(group.durationMinutes.p95, expected["p95"] as? Double))
        #expect(close(group.cpuHours.sum, expected["cpu_hours_sum"] as? Double))
        #expect(close(group.cpuHours.mean, expected["cpu_hours_mean"] as? Double))
        #expect(close(group.memoryGbHours.sum, expected["memory_gb_hours_sum"] as? Double))
        #expect(close(group.costEstimate.sum, expected["cost_estimate_sum"] as? Double))
        #expect(close(group.costEstimate.mean, expected["cost_estimate_mean"] as? Double))
        #expect(close(group.cpuEfficiency, expected["cpu_efficiency"] as? Double))
    }

    @Test(arguments: try FixtureLoader.files(in: "ingest/baseline/invalid", extensions: ["json", "csv"]))
    func invalidFileReportsEveryProblem(file: ContentFile) throws {
        let log = DiagnosticLog()
        _ = BaselineReader.read(file, log: log)
        #expect(log.hasErrors)
        let actual = log.diagnostics.map(\.description)
        #expect(actual == (try FixtureLoader.expectedDiagnostics(for: file)), "actual:\n\(actual.joined(separator: "\n"))")
    }

    @Test func optimisationTargetsFollowTheThresholds() {
        let t = BaselineThresholds()
        #expect(BaselineAnalysis.targets(meanDuration: 45, efficiency: 3, failureRate: 0.10, t).isEmpty)
        let all = BaselineAnalysis.targets(meanDuration: 45.01, efficiency: 2.99, failureRate: 0.11, t)
        #expect(all.map(\.rule) == ["duration", "cpu_efficiency", "reliability"])
        var strict = t
        strict.maxMeanDurationMinutes = 10
        #expect(BaselineAnalysis.targets(meanDuration: 20, efficiency: nil, failureRate: nil, strict).map(\.rule) == ["duration"])
    }
}
