import Foundation

/// The rules that turn figures into verdict reasons, one function per area (see docs/verdict.md).
enum VerdictRules {
    /// All reasons for a release, area by area.
    static func reasons(for figures: ReleaseFigures) -> [Verdict.Reason] {
        var reasons: [Verdict.Reason] = []
        if let tests = figures.tests { reasons.append(self.tests(tests)) }
        if let performance = figures.performance, let reason = self.performance(performance) { reasons.append(reason) }
        if let rollout = figures.rollout { reasons.append(self.rollout(rollout)) }
        if let experiments = figures.experiments { reasons.append(self.experiments(experiments)) }
        if let incidents = figures.incidents { reasons.append(self.incidents(incidents)) }
        if let checklist = figures.checklist { reasons += self.checklist(checklist) }
        if let signoffs = figures.signoffs { reasons += self.signoffs(signoffs) } else {
            reasons.append(.init(level: .pending, area: "signoffs", message: "no signoffs.yaml: nobody has signed off"))
        }
        return reasons
    }

    /// READY passes, PROCEED_WITH_CAUTION waits for a review, NOT_READY blocks.
    static func tests(_ t: TestFigures) -> Verdict.Reason {
        var message = t.verdictReason
        if let comparison = t.comparison, !comparison.newFailures.isEmpty {
            message += "; \(comparison.newFailures.count) new failure\(comparison.newFailures.count == 1 ? "" : "s") since the previous release"
        }
        let level: Verdict.Reason.Level = switch t.verdict {
        case .ready: .pass
        case .proceedWithCaution: .pending
        case .notReady: .blocker
        }
        return .init(level: level, area: "tests", message: message)
    }

    /// The performance recommendation: ready passes, conditional waits, not ready blocks.
    static func performance(_ p: PerformanceFigures) -> Verdict.Reason? {
        guard let recommendation = p.recommendation else { return nil }
        let level: Verdict.Reason.Level = switch recommendation {
        case .readyForProduction: .pass
        case .conditionalGo: .pending
        case .notReady: .blocker
        }
        return .init(level: level, area: "performance", message: p.recommendationReason ?? recommendation.rawValue)
    }

    /// Rolled back or a failed gate blocks; in progress or paused waits; complete passes.
    ///
    /// In the active stage, too little time or too few operations so far is not a failure: it waits.
    static func rollout(_ r: RolloutFigures) -> Verdict.Reason {
        var failed: [String] = [], waiting: [String] = []
        for component in r.components {
            for stage in component.stages where stage.status != .planned {
                let failing = stage.gates.filter { $0.outcome == .fail }
                let notYet: Set<RolloutGateResult.Gate> = [.timeInStage, .minOperations]
                if stage.status == .active, !failing.isEmpty, failing.allSatisfy({ notYet.contains($0.gate) }) {
                    waiting += failing.map { "\(component.name)/\(stage.name): \($0.reason)" }
                } else if !failing.isEmpty {
                    failed.append("\(component.name)/\(stage.name) (\(failing.map(\.reason).joined(separator: "; ")))")
                }
            }
        }
        switch r.status {
        case .rolledBack:
            let reason = r.components.flatMap(\.rollbacks).last?.reason.map { ": \($0)" } ?? ""
            return .init(level: .blocker, area: "rollout", message: "rolled back (\(r.rollbackCount) rollback\(r.rollbackCount == 1 ? "" : "s"))\(reason)")
        case _ where !failed.isEmpty:
            return .init(level: .blocker, area: "rollout", message: "gates fail in \(failed.joined(separator: ", "))")
        case .paused:
            return .init(level: .pending, area: "rollout", message: "paused at \(where_(r))")
        case .inProgress:
            let wait = waiting.isEmpty ? "gates passing so far" : "waiting for \(waiting.joined(separator: ", "))"
            return .init(level: .pending, area: "rollout", message: "in progress at \(where_(r)); \(wait)")
        case .complete:
            return .init(level: .pass, area: "rollout", message: "complete at 100%; every gate passed")
        }
    }

    private static func where_(_ r: RolloutFigures) -> String {
        r.components.map { c in
            let percent = c.currentTrafficPercent.rounded() == c.currentTrafficPercent ? String(Int(c.currentTrafficPercent)) : String(c.currentTrafficPercent)
            return r.components.count > 1 ? "\(c.name) \(percent)%" : "\(percent)% (\(c.currentStage ?? "no stage"))"
        }.joined(separator: ", ")
    }

    /// The experiment recommendation: do-not-rollout blocks, hold and caution wait, proceed passes.
    static func experiments(_ e: ExperimentFigures) -> Verdict.Reason {
        let level: Verdict.Reason.Level = switch e.recommendation.code {
        case .doNotRollout: .blocker
        case .holdCurrentStage, .proceedWithCaution: .pending
        case .proceedWithRollout: .pass
        }
        return .init(level: level, area: "experiments", message: "\(e.recommendation.code.rawValue): \(e.recommendation.reason)")
    }

    /// An open SEV1 or SEV2 blocks; other open incidents are noted; none open passes.
    static func incidents(_ i: IncidentFigures) -> Verdict.Reason {
        let major = i.incidents.filter { $0.isOpen && ($0.severity == .sev1 || $0.severity == .sev2) }
        if !major.isEmpty {
            return .init(level: .blocker, area: "incidents",
                         message: "open \(major.map { "\($0.severity.rawValue) \($0.id)" }.joined(separator: ", "))")
        }
        let mttr = i.mttrMinutes.map { String(format: "; MTTR %.0f min", $0) } ?? ""
        if i.openCount > 0 {
            return .init(level: .pass, area: "incidents", message: "\(i.openCount) minor incident\(i.openCount == 1 ? "" : "s") open, none SEV1/SEV2\(mttr)")
        }
        return .init(level: .pass, area: "incidents", message: "\(i.count) incident\(i.count == 1 ? "" : "s"), all resolved\(mttr)")
    }

    static func checklist(_ c: ChecklistFigures) -> [Verdict.Reason] {
        if c.failed > 0 {
            let texts = c.tasks.filter { $0.status == "failed" }.map { "\"\($0.text)\"" }.joined(separator: ", ")
            return [.init(level: .blocker, area: "checklist", message: "\(c.failed) item\(c.failed == 1 ? "" : "s") fail their check: \(texts)")]
        }
        if c.done < c.total {
            return [.init(level: .pending, area: "checklist", message: "\(c.done) of \(c.total) items done")]
        }
        return [.init(level: .pass, area: "checklist", message: "all \(c.total) items done")]
    }

    static func signoffs(_ s: SignoffFigures) -> [Verdict.Reason] {
        if !s.rejected.isEmpty {
            return [.init(level: .blocker, area: "signoffs", message: "rejected by \(s.rejected.joined(separator: ", "))")]
        }
        if !s.outstanding.isEmpty {
            return [.init(level: .pending, area: "signoffs",
                          message: "\(s.approved) of \(s.required) approved; waiting for \(s.outstanding.joined(separator: ", "))")]
        }
        return [.init(level: .pass, area: "signoffs", message: "all \(s.required) required sign-offs approved")]
    }
}
