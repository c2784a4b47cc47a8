import Foundation
import Testing
@testable import Flightdeck

/// Performance files: figures against the seed's own formulas (make_valid.py), comparisons against seed 002's rule.
struct PerformanceReaderTests {
    @Test func seedResultsGiveTheSeedsFigures() throws {
        let log = DiagnosticLog()
        let performance = try #require(PerformanceReader.read(try FixtureLoader.file("ingest/performance/valid/seed-results.json"), log: log))
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
        #expect(performance.definitions.count == 9 && performance.results.count == 9)
        let baseline = try #require(BaselineReader.read(try FixtureLoader.file("ingest/baseline/valid/seed-format.json"), log: DiagnosticLog()))
        let figures = PerformanceAnalysis.analyse(performance, baseline: baseline, thresholds: PerformanceThresholds())
        let expected = try #require(try FixtureLoader.json("ingest/performance/valid/seed-results.expected.json") as? [String: Any])
        #expect(close(figures.successRate, expected["success_rate"] as? Double))
        #expect(close(figures.meanEfficiency, expected["mean_efficiency"] as? Double))
        #expect(close(figures.meanThroughput, expected["mean_throughput"] as? Double))
        #expect(close(figures.totalCost, expected["total_cost"] as? Double))
        let improvements = try #require(expected["improvements"] as? [String: [String: Any]])
        #expect(figures.improvements.map(\.jobType) == ["small", "medium", "large"])
        for item in figures.improvements {
            let want = try #require(improvements[item.jobType])
            #expect(close(item.baselineDurationMinutes, want["baseline"] as? Double))
            #expect(close(item.optimisedDurationMinutes, want["optimised"] as? Double))
            #expect(close(item.improvement, want["improvement"] as? Double))
            #expect(close(item.costChange, want["cost_change"] as? Double))
            #expect(item.tests == want["tests"] as? [String])
        }
        // 8 of 9 succeeded (88.9%): below 95%, at least 80% → conditional go; efficiency 1.23x is excellent.
        #expect(figures.recommendation == .conditionalGo)
        #expect(figures.efficiencyLevel == "excellent" && figures.reliabilityLevel == "moderate")
    }

    @Test func comparisonsFollowSeed002sLimits() throws {
        let log = DiagnosticLog()
        let performance = try #require(PerformanceReader.read(try FixtureLoader.file("ingest/performance/valid/comparisons.csv"), log: log))
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics)")
        let figures = PerformanceAnalysis.analyse(performance, baseline: nil, thresholds: PerformanceThresholds())
        let comparisons = try #require(figures.comparisons)
        let expected = try #require(try FixtureLoader.json("ingest/performance/valid/comparisons.expected.json") as? [[String: Any]])
        #expect(comparisons.operations.count == expected.count)
        for (operation, want) in zip(comparisons.operations, expected) {
            #expect(operation.comparison.operation == want["operation"] as? String)
            #expect(close(operation.performanceDelta, want["performance_delta"] as? Double))
            #expect(close(operation.memoryDelta, want["memory_delta"] as? Double))
            #expect(operation.passed == want["passed"] as? Bool)
        }
        #expect(figures.recommendation == .notReady)
        #expect(figures.recommendationReason == "2 of 4 operations exceed the regression limits")
    }

    @Test(arguments: try FixtureLoader.files(in: "ingest/performance/invalid", extensions: ["json", "csv"]))
    func invalidFileReportsEveryProblem(file: ContentFile) throws {
        let log = DiagnosticLog()
        _ = PerformanceReader.read(file, log: log)
        let actual = log.diagnostics.map(\.description)
        #expect(actual == (try FixtureLoader.expectedDiagnostics(for: file)), "actual:\n\(actual.joined(separator: "\n"))")
    }

    @Test func recommendationBands() {
        let t = PerformanceThresholds()
        #expect(PerformanceAnalysis.recommend(rate: 0.95, efficiency: 0.91, hasSuccessful: true, comparisons: nil, t).0 == .readyForProduction)
        #expect(PerformanceAnalysis.recommend(rate: 0.95, efficiency: 0.9, hasSuccessful: true, comparisons: nil, t).0 == .conditionalGo)
        #expect(PerformanceAnalysis.recommend(rate: 0.80, efficiency: 2, hasSuccessful: true, comparisons: nil, t).0 == .conditionalGo)
        #expect(PerformanceAnalysis.recommend(rate: 0.79, efficiency: 2, hasSuccessful: true, comparisons: nil, t).0 == .notReady)
        #expect(PerformanceAnalysis.recommend(rate: nil, efficiency: nil, hasSuccessful: false, comparisons: nil, t).0 == nil)
    }
}
