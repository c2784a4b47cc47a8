import FlightdeckCharts
import FlightdeckCore

/// A progressive rollout: rollout.yaml (with an optional metrics CSV and Prometheus responses), Argo Rollouts and
/// Flagger objects in `rollout/`, and/or the seed controller's state JSON.
enum RolloutKind: EvidenceKind {
    typealias Settings = RolloutThresholds

    static let id = "rollout"
    static let formats = RolloutFormats.all
    static let title = "Rollout"
    static let overviewCharts = ["rollout_traffic"]
    static let hint = "rollout.yaml, rollout_state.json, or Argo Rollouts / Flagger objects (kubectl get -o yaml) in rollout/"
    static let fileNames = ["rollout.yaml", "rollout.yml"] + RolloutReader.stateFileNames
    static let subfolder: (name: String, extensions: [String])? = (RolloutFolderReader.folder, RolloutFolderReader.extensions)
    static let requiredByDefault = true
    static let keptFigures = ["status", "rollback_count", "all_gates_passed"]

    static func read(_ release: ReleaseSource, in context: ReadContext) -> Rollout? {
        RolloutReader.read(release, log: context.log)
    }

    /// The metrics CSV and the Prometheus responses that rollout.yaml names.
    static func referencedFiles(in rollout: Rollout) -> [String] {
        (rollout.metricsPath.map { [$0] } ?? []) + rollout.prometheus.map(\.path)
    }

    static func analyse(_ rollout: Rollout, in context: AnalysisContext) -> RolloutFigures? {
        RolloutAnalysis.analyse(rollout, thresholds: context.thresholds[RolloutKind.self])
    }

    /// Rolled back, failed or a failed gate blocks; in progress or paused waits; complete passes only on evidence:
    /// some stage had a gate judged, and so did every reached stage below 100% traffic (a controller's canary stages
    /// without request counts or analyses wait; the final 100% stage is the outcome, not evidence).
    ///
    /// In the active stage, too little time or too few operations so far is not a failure: it waits.
    static func reason(_ r: RolloutFigures) -> Verdict.Reason? {
        var failed: [String] = [], waiting: [String] = [], needs: [String] = [], unjudged: [String] = [], judged = false
        for component in r.components {
            let prefix = r.components.count > 1 ? "\(component.name)/" : ""
            for stage in component.stages where stage.status != .planned {
                if stage.passed != nil { judged = true } else if stage.trafficPercent < 100 { unjudged.append(prefix + stage.name) }
                let failing = stage.gates.filter { $0.outcome == .fail }
                let notYet: Set<RolloutGateResult.Gate> = [.timeInStage, .minOperations]
                if stage.status == .active, !failing.isEmpty, failing.allSatisfy({ notYet.contains($0.gate) }) {
                    waiting += failing.map { "\(component.name)/\(stage.name): \($0.reason)" }
                    needs += failing.map { shortfall($0, stage: prefix + stage.name) }
                } else if !failing.isEmpty {
                    failed.append("\(component.name)/\(stage.name) (\(failing.map(\.reason).joined(separator: "; ")))")
                }
            }
        }
        switch r.status {
        case .rolledBack:
            let reason = r.components.flatMap(\.rollbacks).last?.reason.map { ": \($0)" } ?? ""
            return .init(level: .blocker, area: id, message: "rolled back (\(r.rollbackCount) rollback\(r.rollbackCount == 1 ? "" : "s"))\(reason)",
                         needs: ["a new rollout that completes without a rollback"], evidence: "#rollout")
        case .failed:
            let failing = r.components.filter { $0.status == .failed }
            let why = failing.compactMap { c in c.source?.message.map { "\(c.name): \($0)" } }.joined(separator: "; ")
            return .init(level: .blocker, area: id, message: "failed" + (why.isEmpty ? "" : " (\(why))"),
                         needs: failing.map { "a rollout of \($0.name) that completes" }, evidence: "#rollout")
        case _ where !failed.isEmpty:
            return .init(level: .blocker, area: id, message: "gates fail in \(failed.joined(separator: ", "))",
                         needs: failed.map { "rollout gates passing in \($0)" }, evidence: "#rollout")
        case .paused:
            return .init(level: .pending, area: id, message: "paused at \(position(of: r))",
                         needs: ["the rollout resumed and completed at 100%"], evidence: "#rollout")
        case .inProgress:
            let wait = waiting.isEmpty ? "gates passing so far" : "waiting for \(waiting.joined(separator: ", "))"
            let planned = r.components.flatMap { c in
                c.stages.filter { $0.status == .planned }.map { "\(r.components.count > 1 ? "\(c.name)/" : "")\($0.name) (\(FigureText.number($0.trafficPercent))%)" }
            }
            let rest = planned.isEmpty ? "the rollout completed at 100%" : "the rollout completed at 100%, through \(planned.joined(separator: ", "))"
            return .init(level: .pending, area: id, message: "in progress at \(position(of: r)); \(wait)",
                         needs: needs + [rest], evidence: "#rollout")
        case .complete where !unjudged.isEmpty || !judged:
            let stages = unjudged.isEmpty ? "any stage" : unjudged.joined(separator: ", ")
            return .init(level: .pending, area: id, message: "complete at 100%, but no gate could be judged in \(stages)",
                         needs: (unjudged.isEmpty ? ["any stage"] : unjudged).map { "request and error counts, or a controller's analysis, for \($0)" },
                         evidence: "#rollout")
        case .complete:
            return .init(level: .pass, area: id, message: "complete at 100%; every gate passed", evidence: "#rollout")
        }
    }

    /// What a gate that has not been met yet still needs: "4h more in stage canary (rollout gate min_stage_minutes)".
    private static func shortfall(_ gate: RolloutGateResult, stage: String) -> String {
        let observed = gate.observed ?? 0, threshold = gate.threshold ?? 0
        switch gate.gate {
        case .timeInStage:
            return "\(FigureText.duration(minutes: max(0, threshold - observed))) more in stage \(stage) (rollout gate min_stage_minutes)"
        case .minOperations:
            let more = Int(max(0, threshold - observed).rounded(.up))
            return "\(more) more request\(more == 1 ? "" : "s") in stage \(stage) (rollout gate min_operations)"
        default:
            return "\(gate.gate.rawValue) gate met in stage \(stage)"
        }
    }

    /// Where the rollout stands: "50% (canary)", or "api 50%, worker 10%" for several components.
    private static func position(of r: RolloutFigures) -> String {
        r.components.map { c in
            let percent = FigureText.number(c.currentTrafficPercent)
            return r.components.count > 1 ? "\(c.name) \(percent)%" : "\(percent)% (\(c.currentStage ?? "no stage"))"
        }.joined(separator: ", ")
    }

    static func charts(_ rollout: Rollout, figures: RolloutFigures, in context: ChartContext) -> [String: Chart] {
        RolloutCharts.charts(rollout, figures: figures, incidents: context.data[IncidentsKind.self]?.incidents ?? [],
                             signoffs: context.data[SignoffsKind.self]?.entries ?? [], prefix: context.prefix)
    }
}
