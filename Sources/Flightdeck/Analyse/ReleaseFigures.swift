/// Everything computed for one release: the figures of each data kind it has and the verdict.
struct ReleaseFigures: Sendable, Encodable {
    var baseline: BaselineFigures?
    var tests: TestFigures?
    var performance: PerformanceFigures?
    var rollout: RolloutFigures?
    var incidents: IncidentFigures?
    var experiments: ExperimentFigures?
    var checklist: ChecklistFigures?
    var signoffs: SignoffFigures?
    var verdict = Verdict(reasons: [])
}

/// The Analyse stage for a release: pure functions from models to figures, then the verdict.
enum ReleaseAnalyser {
    /// Computes all figures. `previous` is the latest earlier release of the same product, for test comparisons.
    /// `required` lists the data kinds the release must have before it can be GO.
    static func analyse(_ data: ReleaseData, previous: ReleaseData?, thresholds: Thresholds, required: [DataKind],
                        log: DiagnosticLog) -> ReleaseFigures {
        var figures = ReleaseFigures()
        figures.baseline = data.baseline.map { BaselineAnalysis.analyse($0, thresholds: thresholds.baseline) }
        figures.tests = data.tests.map { TestAnalysis.analyse($0, previous: previous?.tests, thresholds: thresholds.tests) }
        figures.performance = data.performance.map {
            PerformanceAnalysis.analyse($0, baseline: data.baseline, thresholds: thresholds.performance)
        }
        figures.rollout = data.rollout.map { RolloutAnalysis.analyse($0, thresholds: thresholds.rollout) }
        figures.incidents = data.incidents.map { IncidentAnalysis.analyse($0) }
        figures.experiments = data.experiments.map { ExperimentAnalysis.analyse($0, thresholds: thresholds.experiments) }
        figures.signoffs = data.signoffs.map { SignoffAnalysis.analyse($0, inputs: data.inputs) }
        // Checklist checks and sign-offs' kept figures read figures by their exported names: the tree is
        // encoded once, only when some item has a check or some sign-off a digest.
        let hasChecks = data.checklist?.tasks.contains(where: { $0.check != nil }) == true
        let hasDigests = data.signoffs?.entries.contains(where: { $0.digest != nil }) == true
        var tree: DataNode?
        if hasChecks || hasDigests {
            do {
                tree = try FiguresJSON.tree(of: figures)
            } catch {
                log.error("cannot encode the figures checks and sign-offs read: \(error)", at: nil)
            }
        }
        if let checklist = data.checklist {
            figures.checklist = ChecklistAnalysis.analyse(checklist, figures: tree ?? DataNode(.object([]), at: .file(checklist.path)), log: log)
        }
        // Sign-offs made with a digest also keep figures: compare those now that every other figure is known.
        if let signoffs = data.signoffs, hasDigests, let tree {
            let snapshot = SignoffVerification.snapshot(of: tree, checklist: data.checklist)
            figures.signoffs = SignoffAnalysis.analyse(signoffs, inputs: data.inputs, figures: snapshot)
        }
        let present = Set(DataKind.allCases.filter { $0.isPresent(in: data) })
        figures.verdict = VerdictRules.verdict(for: figures, present: present, required: required)
        return figures
    }
}
