import FlightdeckCharts

/// A/B experiment records or per-variant aggregates (seed 004), with significance tests per metric.
enum ExperimentsKind: EvidenceKind {
    typealias Settings = ExperimentThresholds

    static let id = "experiments"
    static let formats = [
        DataFormat(id: "experiments-csv", title: "A/B experiment records (CSV)", destination: { _ in "experiments.csv" },
                   recognise: { sample in
                       let header = sample.firstLine
                       return ["request_id", "test_variant"].allSatisfy { header.contains($0) } ? 0.9 : 0
                   }),
        DataFormat(id: "experiments-json", title: "A/B experiment definition (JSON)", destination: { _ in "experiments.json" },
                   recognise: { $0.start.hasPrefix("{") ? $0.share(of: ["\"records\"", "\"aggregates\"", "\"test_variant\"", "\"min_sample_size\""]) * 0.9 : 0 }),
    ]
    static let title = "Experiments"
    static let overviewCharts = ["experiments_differences"]
    static let hint = "experiments.json or experiments.csv"
    static let fileNames = ["experiments.json", "experiments.csv"]
    static let keptFigures = ["recommendation.code"]

    static func read(_ release: ReleaseSource, in context: ReadContext) -> Experiments? {
        ExperimentReader.read(release, log: context.log)
    }

    /// The records CSV that experiments.json names.
    static func referencedFiles(in experiments: Experiments) -> [String] {
        experiments.recordsPath.map { [$0] } ?? []
    }

    static func analyse(_ experiments: Experiments, in context: AnalysisContext) -> ExperimentFigures? {
        ExperimentAnalysis.analyse(experiments, thresholds: context.thresholds[ExperimentsKind.self])
    }

    /// The experiment recommendation: do-not-rollout blocks, hold and caution wait, proceed passes.
    static func reason(_ e: ExperimentFigures) -> Verdict.Reason? {
        let level: Verdict.Reason.Level = switch e.recommendation.code {
        case .doNotRollout: .blocker
        case .holdCurrentStage, .proceedWithCaution: .pending
        case .proceedWithRollout: .pass
        }
        let needs = level == .pass ? [] : ["experiments at PROCEED_WITH_ROLLOUT (now \(e.recommendation.code.rawValue))"]
        return .init(level: level, area: id, message: "\(e.recommendation.code.rawValue): \(e.recommendation.reason)",
                     needs: needs, evidence: "#experiments")
    }

    static func charts(_ experiments: Experiments, figures: ExperimentFigures, in context: ChartContext) -> [String: Chart] {
        ExperimentCharts.forest(figures, prefix: context.prefix).map { ["experiments_differences": $0] } ?? [:]
    }
}
