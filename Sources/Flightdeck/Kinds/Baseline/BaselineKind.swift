import FlightdeckCharts

/// Baseline job measurements (seed 000's `baseline_metrics.json`, or a CSV of the same records).
enum BaselineKind: EvidenceKind {
    typealias Settings = BaselineThresholds

    static let id = "baseline"
    static let formats = [
        DataFormat(id: "baseline-json", title: "Flightdeck baseline records (JSON)", destination: { _ in "baseline.json" },
                   recognise: { $0.start.hasPrefix("[") || $0.start.hasPrefix("{") ? $0.share(of: ["\"job_id\"", "\"duration_minutes\"", "\"cpu_hours\""]) * 0.9 : 0 }),
        DataFormat(id: "baseline-csv", title: "Flightdeck baseline records (CSV)", destination: { _ in "baseline.csv" },
                   recognise: { sample in
                       let header = sample.firstLine
                       return ["job_id", "duration_minutes"].allSatisfy { header.contains($0) } ? 0.9 : 0
                   }),
    ]
    static let title = "Performance baseline"
    static let overviewCharts = ["baseline_durations"]
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
