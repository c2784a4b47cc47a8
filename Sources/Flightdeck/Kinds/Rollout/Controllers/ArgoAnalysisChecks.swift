/// Attaches AnalysisRuns to their Rollouts and turns each metric's verdict into a check of the stages it judged:
/// a step analysis judges the stage holding its step, a background analysis every reached stage, a blue-green
/// pre-promotion analysis the preview stage and a post-promotion one the promoted stage.
enum ArgoAnalysisChecks {
    /// Attaches each run to the Rollout that owns it (the only Rollout, when the run names no owner); returns the
    /// runs whose Rollout is not among `rollouts` (name and place), after a warning for each.
    static func attach(_ runs: [ArgoAnalysisRunReader.Read], to rollouts: inout [ControllerRollout],
                       log: DiagnosticLog) -> [(name: String, location: SourceLocation)] {
        var stray: [(name: String, location: SourceLocation)] = []
        let argo = rollouts.indices.filter { rollouts[$0].component.source?.controller == .argoRollouts }
        for read in runs {
            let owner = read.owner.flatMap { name in
                argo.first { rollouts[$0].component.name == name && (read.namespace == nil || rollouts[$0].namespace == nil
                                                                     || read.namespace == rollouts[$0].namespace) }
            } ?? (read.owner == nil && argo.count == 1 ? argo.first : nil)
            guard let index = owner else {
                log.warning("AnalysisRun '\(read.run.name)' belongs to " + (read.owner.map { "Rollout '\($0)', which is not" } ?? "no Rollout")
                            + " in \(RolloutFolderReader.folder)/; add it (kubectl get rollout NAME -o yaml) for the analysis to judge its stages",
                            at: read.location)
                stray.append((read.run.name, read.location))
                continue
            }
            var run = read.run
            run.current = read.podHash == nil || rollouts[index].podHash == nil || read.podHash == rollouts[index].podHash
            add(run, to: &rollouts[index])
        }
        return stray
    }

    private static func add(_ run: RolloutAnalysisRun, to rollout: inout ControllerRollout) {
        var component = rollout.component
        component.source?.analyses.append(run)
        let times = [run.startedAt].compactMap { $0 } + run.metrics.flatMap { $0.measurements.flatMap { [$0.startedAt, $0.finishedAt].compactMap { $0 } } }
        if let latest = (times + [component.source?.latestInstant].compactMap { $0 }).max() { component.source?.latestInstant = latest }
        if run.current {
            let checks = self.checks(run)
            for index in stages(judgedBy: run, in: component.stages, firstSteps: rollout.firstSteps) {
                component.stages[index].checks += checks
            }
        }
        rollout.component = component
    }

    /// The stages a run judges.
    private static func stages(judgedBy run: RolloutAnalysisRun, in stages: [RolloutStage], firstSteps: [Int]) -> [Int] {
        switch run.role {
        case .step where run.stepIndex != nil:
            let step = run.stepIndex ?? 0
            return [firstSteps.lastIndex { $0 <= step } ?? 0]
        case .step, .background, .canaryAnalysis:
            return stages.indices.filter { stages[$0].reported != nil && stages[$0].reported != .planned }
        case .prePromotion:
            return stages.isEmpty ? [] : [0]
        case .postPromotion:
            return stages.isEmpty ? [] : [stages.count - 1]
        }
    }

    /// One check per metric: Successful passes, Failed and Error fail, Inconclusive, Running and Pending are not judged.
    static func checks(_ run: RolloutAnalysisRun) -> [RolloutCheck] {
        run.metrics.map { metric in
            let phase = metric.phase ?? run.phase ?? "Pending"
            let outcome: RolloutGateResult.Outcome = switch phase {
            case "Successful": .pass
            case "Failed", "Error": .fail
            default: .noData
            }
            return RolloutCheck(name: metric.name, outcome: outcome, reason: reason(metric, phase: phase, run: run.name))
        }
    }

    /// "success-rate successful: 3 successful, 0 failed, 0 inconclusive, 0 errors of 3 measurements (failure limit 3) in AnalysisRun x".
    private static func reason(_ m: RolloutAnalysisMetric, phase: String, run: String) -> String {
        let counts = "\(m.successful ?? 0) successful, \(m.failed ?? 0) failed, \(m.inconclusive ?? 0) inconclusive, "
            + "\(m.error ?? 0) error\(m.error == 1 ? "" : "s") of \(m.count ?? 0) measurement\(m.count == 1 ? "" : "s")"
        let limits = [m.failureLimit.map { "failure limit \($0)" }, m.inconclusiveLimit.map { "inconclusive limit \($0)" }].compactMap { $0 }
        return "\(m.name) \(phase.lowercased()): \(counts)" + (limits.isEmpty ? "" : " (\(limits.joined(separator: ", ")))")
            + " in AnalysisRun \(run)"
    }
}
