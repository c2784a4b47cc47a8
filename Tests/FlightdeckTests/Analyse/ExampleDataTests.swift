import Foundation
import Testing
@testable import Flightdeck

/// The example site's data (scripts/example/quality.py) reads cleanly and tells the story the releases tell.
struct ExampleDataTests {
    /// A release folder of the repository's example content.
    private func release(_ id: String) throws -> ReleaseSource {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = "content/releases/\(id)"
        let base = root.appendingPathComponent(folder)
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        var files: [ContentFile] = []
        while let url = enumerator?.nextObject() as? URL {
            guard !url.hasDirectoryPath else { continue }
            let relative = String(url.path.dropFirst(base.path.count + 1))
            files.append(ContentFile(path: "\(folder)/\(relative)", url: url))
        }
        try #require(!files.isEmpty, "run scripts/example/quality.py")
        return ReleaseSource(id: id, folder: folder, files: files.sorted { $0.path < $1.path })
    }

    @Test func trainerOptimisationReadsGo() throws {
        let log = DiagnosticLog()
        let source = try release("2026.1-trainer-optimisation")
        let baseline = try #require(BaselineReader.read(source, log: log))
        let tests = try #require(TestResultsReader.read(source, log: log))
        let performance = try #require(PerformanceReader.read(source, log: log))
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.description))")
        let b = BaselineAnalysis.analyse(baseline, thresholds: BaselineThresholds())
        #expect(b.overall.jobs == 63 && b.periodDays == 14)
        #expect(b.jobTypes.map(\.jobType) == ["small", "medium", "large"])
        #expect(b.overall.optimisationTargets.map(\.rule).contains("duration"))
        let t = TestAnalysis.analyse(tests, previous: nil, thresholds: TestThresholds())
        #expect(t.verdict == .ready && t.counts.failed == 0 && t.counts.skipped == 1)
        let p = PerformanceAnalysis.analyse(performance, baseline: baseline, thresholds: PerformanceThresholds())
        #expect(p.recommendation == .readyForProduction)
        #expect(p.improvements.count == 3 && p.improvements.allSatisfy(\.meetsTarget))
        #expect(p.improvements.allSatisfy { ($0.improvement ?? 0) > 0.3 && ($0.costChange ?? 0) < 0 })
    }

    @Test func warehouseCutoverHasFailuresAndAFlakyTest() throws {
        let log = DiagnosticLog()
        let source = try release("2026.2-warehouse-cutover")
        let tests = try #require(TestResultsReader.read(source, log: log))
        let performance = try #require(PerformanceReader.read(source, log: log))
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.description))")
        #expect(tests.files.allSatisfy { $0.runner == "surefire" })
        let t = TestAnalysis.analyse(tests, previous: nil, thresholds: TestThresholds())
        #expect(t.counts.failed == 2 && t.counts.flaky == 1 && t.verdict == .proceedWithCaution)
        let p = PerformanceAnalysis.analyse(performance, baseline: nil, thresholds: PerformanceThresholds())
        #expect(p.comparisons?.failed == 0 && p.recommendation == .readyForProduction)
        let registration = try #require(p.comparisons?.operations.first)
        #expect((registration.performanceDelta ?? 0) < -0.25)
    }

    @Test func modelsAndFiguresEncodeWithSnakeCaseKeys() throws {
        let log = DiagnosticLog()
        let source = try release("2026.1-trainer-optimisation")
        let baseline = try #require(BaselineReader.read(source, log: log))
        let tests = try #require(TestResultsReader.read(source, log: log))
        let performance = try #require(PerformanceReader.read(source, log: log))
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        // JSONEncoder throws on NaN or infinity, so encoding proves there are none.
        let figures = try encoder.encode(BaselineAnalysis.analyse(baseline, thresholds: BaselineThresholds()))
        let text = String(decoding: figures, as: UTF8.self)
        #expect(text.contains("\"duration_minutes\":{") && text.contains("\"optimisation_targets\""))
        _ = try encoder.encode(baseline)
        _ = try encoder.encode(tests)
        _ = try encoder.encode(performance)
        let previous = try #require(TestResultsReader.read(try release("2026.3-invoice-gemini"), log: log))
        let testFigures = try encoder.encode(TestAnalysis.analyse(tests, previous: previous, thresholds: TestThresholds()))
        #expect(String(decoding: testFigures, as: UTF8.self).contains("\"new_failures\":[]"))
        _ = try encoder.encode(PerformanceAnalysis.analyse(performance, baseline: baseline, thresholds: PerformanceThresholds()))
        // Twice the same input gives the same bytes.
        #expect(try encoder.encode(BaselineAnalysis.analyse(baseline, thresholds: BaselineThresholds())) == figures)
    }

    @Test func performanceThresholdsAreConfigurable() throws {
        let node = try JSONReader.read(#"{"max_slowdown": 0.3, "min_success_rate": 0.9, "min_efficency": 1}"#, path: "flightdeck.yaml")
        let log = DiagnosticLog()
        let reader = try #require(ObjectReader(node, log: log, what: "thresholds.performance"))
        var thresholds = PerformanceThresholds()
        thresholds.read(reader)
        reader.warnUnknownKeys()
        #expect(thresholds.maxSlowdown == 0.3 && thresholds.minSuccessRate == 0.9 && thresholds.minEfficiency == 0.9)
        #expect(log.diagnostics.map(\.description) == ["flightdeck.yaml:1:48: warning: unknown key 'min_efficency'; did you mean 'min_efficiency'?"])
    }

    @Test func invoiceGeminiPassesWithOneSkipped() throws {
        let log = DiagnosticLog()
        let tests = try #require(TestResultsReader.read(try release("2026.3-invoice-gemini"), log: log))
        #expect(log.diagnostics.isEmpty, "\(log.diagnostics.map(\.description))")
        #expect(Set(tests.files.map(\.runner)) == ["jest", "go"])
        let t = TestAnalysis.analyse(tests, previous: nil, thresholds: TestThresholds())
        #expect(t.verdict == .ready && t.counts.skipped == 1 && t.counts.failed == 0 && t.counts.error == 0)
    }
}
