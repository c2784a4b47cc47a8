import FlightdeckCharts

/// Baseline job measurements (seed 000's `baseline_metrics.json`, or a CSV of the same records).
enum BaselineKind: EvidenceKind {
    typealias Settings = BaselineThresholds

    static let id = "baseline"
    static let title = "Performance baseline"
    static let hint = "baseline.json or baseline.csv"
    static let fileNames = ["baseline.json", "baseline.csv", "baseline_metrics.json", "baseline_metrics.csv"]

    static func read(_ release: ReleaseSource, in context: ReadContext) -> Baseline? {
        BaselineReader.read(release, log: context.log)
    }

    static func analyse(_ baseline: Baseline, in context: AnalysisContext) -> BaselineFigures? {
        BaselineAnalysis.analyse(baseline, thresholds: context.thresholds[BaselineKind.self])
    }

    static func charts(_ baseline: Baseline, figures: BaselineFigures, in context: ChartContext) -> [String: Chart] {
        ["baseline_durations": BaselineCharts.durations(figures, prefix: context.prefix)]
    }
}
