import FlightdeckCharts

/// Performance-test results (the seed tester's TestResult records), old/new operation comparisons, and the
/// load-test tools' own files (k6, JMeter, Locust, Gatling) in `performance/`.
enum PerformanceKind: EvidenceKind {
    typealias Settings = PerformanceThresholds

    static let id = "performance"
    static let title = "Performance tests"
    static let overviewCharts = ["performance_vs_baseline", "performance_operations"]
    /// Unchanged since before load tests, so the verdict's "needs" for a release without performance data reads as it did.
    static let hint = "performance.json or performance.csv"
    static let fileNames = ["performance.json", "performance.csv"]
    static let subfolder: (name: String, extensions: [String])? = (LoadTestReader.folder, LoadTestReader.extensions)
    static let requiredByDefault = true
    static let formats = [
        DataFormat(id: "performance-json", title: "Flightdeck performance tests (JSON)", destination: { _ in "performance.json" },
                   recognise: { sample in
                       guard sample.start.hasPrefix("{") else { return 0 }
                       return sample.share(of: ["\"expected_duration_min\"", "\"comparisons\"", "\"old_duration\"", "\"results\""]) > 0.4 ? 0.8 : 0
                   }),
        DataFormat(id: "performance-csv", title: "Flightdeck performance comparisons (CSV)", destination: { _ in "performance.csv" },
                   recognise: { sample in
                       let header = sample.firstLine
                       return ["operation", "old_duration", "new_duration"].allSatisfy { header.contains($0) } ? 0.9 : 0
                   }),
    ] + LoadTestSniffer.dataFormats
    static let keptFigures = ["recommendation"]

    static func read(_ release: ReleaseSource, in context: ReadContext) -> Performance? {
        PerformanceReader.read(release, log: context.log)
    }

    /// Compared with the release's baseline, when it has one; load tests also with the previous release's.
    static func analyse(_ performance: Performance, in context: AnalysisContext) -> PerformanceFigures? {
        PerformanceAnalysis.analyse(performance, baseline: context.data[BaselineKind.self], previous: context.previous?[PerformanceKind.self],
                                    previousRelease: context.previous?.release.id, thresholds: context.thresholds[PerformanceKind.self])
    }

    /// The performance recommendation: ready passes, conditional waits, not ready blocks.
    static func reason(_ p: PerformanceFigures) -> Verdict.Reason? {
        guard let recommendation = p.recommendation else { return nil }
        let level: Verdict.Reason.Level = switch recommendation {
        case .readyForProduction: .pass
        case .conditionalGo: .pending
        case .notReady: .blocker
        }
        let needs = level == .pass ? [] : ["performance tests at \(PerformanceRecommendation.readyForProduction.rawValue) (now \(recommendation.rawValue))"]
        return .init(level: level, area: id, message: p.recommendationReason ?? recommendation.rawValue,
                     needs: needs, evidence: "#performance")
    }

    /// Tests, operations and each load-test file's labels cut to `PageRows.limit`, failing first.
    static func pageFigures(_ p: PerformanceFigures) -> PerformanceFigures {
        var p = p
        (p.tests, p.testsOmitted) = PageRows.cut(p.tests) { !$0.result.success }
        if var comparisons = p.comparisons {
            let operations = comparisons.operations
            let (listed, omitted) = PageRows.cut(operations.indices) { !operations[$0].passed }
            (comparisons.operations, comparisons.operationsOmitted) = (operations.only(listed), omitted)
            p.comparisons = comparisons
        }
        if var loadTests = p.loadTests {
            for index in loadTests.runs.indices {
                (loadTests.runs[index].labels, loadTests.runs[index].labelsOmitted) = PageRows.cut(loadTests.runs[index].labels) { !$0.passed }
            }
            p.loadTests = loadTests
        }
        return p
    }

    static func charts(_ performance: Performance, figures: PerformanceFigures, in context: ChartContext) -> [String: Chart] {
        PerformanceCharts.charts(figures, prefix: context.prefix)
    }
}
