import FlightdeckCore
import Foundation

/// The rules that turn figures into verdict reasons, one function per area (see docs/verdict.md).
///
/// Each reason says what was found, what would lift it (`needs`), and where its evidence is on the page.
enum VerdictRules {
    /// The verdict of a release: its required inputs first, then every area it has data for.
    static func verdict(for figures: ReleaseFigures, present: Set<DataKind>, required: [DataKind]) -> Verdict {
        var reasons: [Verdict.Reason] = []
        let missing = required.filter { !present.contains($0) }
        var inputs = Verdict.Inputs()
        inputs.required = required.map(\.rawValue)
        inputs.used = required.filter { present.contains($0) }.map(\.rawValue)
        inputs.missing = missing.map(\.rawValue)
        if !missing.isEmpty { reasons.append(evidence(missing: missing, required: required)) }
        if let tests = figures.tests { reasons.append(self.tests(tests)) }
        if let performance = figures.performance, let reason = self.performance(performance) { reasons.append(reason) }
        if let rollout = figures.rollout { reasons.append(self.rollout(rollout)) }
        if let experiments = figures.experiments { reasons.append(self.experiments(experiments)) }
        if let incidents = figures.incidents { reasons.append(self.incidents(incidents)) }
        if let checklist = figures.checklist { reasons.append(self.checklist(checklist)) }
        if let signoffs = figures.signoffs { reasons.append(self.signoffs(signoffs)) }
        return Verdict(reasons: reasons, inputs: inputs)
    }

    /// A required data kind that is missing holds the release at pending.
    static func evidence(missing: [DataKind], required: [DataKind]) -> Verdict.Reason {
        let used = required.count - missing.count
        return .init(level: .pending, area: "inputs",
                     message: "missing evidence: \(missing.map(\.rawValue).joined(separator: ", ")) (used \(used) of \(required.count) required inputs)",
                     needs: missing.map { "\($0.rawValue) data (\($0.hint))" }, evidence: "#missing")
    }

    /// READY passes, PROCEED_WITH_CAUTION waits for a review, NOT_READY blocks; new failures since the
    /// previous release weigh as `thresholds.tests.new_failures` says.
    static func tests(_ t: TestFigures) -> Verdict.Reason {
        var message = t.verdictReason
        var level: Verdict.Reason.Level = switch t.verdict {
        case .ready: .pass
        case .proceedWithCaution: .pending
        case .notReady: .blocker
        }
        var needs: [String] = []
        if t.verdict != .ready {
            let now = t.successRate.map { " (now \(FigureText.percent($0)))" } ?? " (nothing ran)"
            needs.append("test success rate ≥ \(FigureText.number(t.thresholds.readyPercent))%\(now)")
        }
        var evidence = "#tests"
        if let new = t.comparison?.newFailures, !new.isEmpty {
            let count = "\(new.count) new failure\(new.count == 1 ? "" : "s") since the previous release"
            message += "; \(count): \(listed(new))"
            evidence = "#new-failures"
            switch t.thresholds.newFailures {
            case .block:
                level = .blocker
                needs.append("\(count) fixed (tests.new_failures: block)")
            case .pending:
                if level == .pass { level = .pending }
                needs.append("\(count) fixed or accepted (tests.new_failures: pending)")
            case .ignore:
                break
            }
        }
        return .init(level: level, area: "tests", message: message, needs: needs, evidence: evidence)
    }

    /// The performance recommendation: ready passes, conditional waits, not ready blocks.
    static func performance(_ p: PerformanceFigures) -> Verdict.Reason? {
        guard let recommendation = p.recommendation else { return nil }
        let level: Verdict.Reason.Level = switch recommendation {
        case .readyForProduction: .pass
        case .conditionalGo: .pending
        case .notReady: .blocker
        }
        let needs = level == .pass ? [] : ["performance tests at \(PerformanceRecommendation.readyForProduction.rawValue) (now \(recommendation.rawValue))"]
        return .init(level: level, area: "performance", message: p.recommendationReason ?? recommendation.rawValue,
                     needs: needs, evidence: "#performance")
    }

    /// Rolled back or a failed gate blocks; in progress or paused waits; complete passes.
    ///
    /// In the active stage, too little time or too few operations so far is not a failure: it waits.
    static func rollout(_ r: RolloutFigures) -> Verdict.Reason {
        var failed: [String] = [], waiting: [String] = [], needs: [String] = []
        for component in r.components {
            let prefix = r.components.count > 1 ? "\(component.name)/" : ""
            for stage in component.stages where stage.status != .planned {
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
            return .init(level: .blocker, area: "rollout", message: "rolled back (\(r.rollbackCount) rollback\(r.rollbackCount == 1 ? "" : "s"))\(reason)",
                         needs: ["a new rollout that completes without a rollback"], evidence: "#rollout")
        case _ where !failed.isEmpty:
            return .init(level: .blocker, area: "rollout", message: "gates fail in \(failed.joined(separator: ", "))",
                         needs: failed.map { "rollout gates passing in \($0)" }, evidence: "#rollout")
        case .paused:
            return .init(level: .pending, area: "rollout", message: "paused at \(where_(r))",
                         needs: ["the rollout resumed and completed at 100%"], evidence: "#rollout")
        case .inProgress:
            let wait = waiting.isEmpty ? "gates passing so far" : "waiting for \(waiting.joined(separator: ", "))"
            let planned = r.components.flatMap { c in
                c.stages.filter { $0.status == .planned }.map { "\(r.components.count > 1 ? "\(c.name)/" : "")\($0.name) (\(FigureText.number($0.trafficPercent))%)" }
            }
            let rest = planned.isEmpty ? "the rollout completed at 100%" : "the rollout completed at 100%, through \(planned.joined(separator: ", "))"
            return .init(level: .pending, area: "rollout", message: "in progress at \(where_(r)); \(wait)",
                         needs: needs + [rest], evidence: "#rollout")
        case .complete:
            return .init(level: .pass, area: "rollout", message: "complete at 100%; every gate passed", evidence: "#rollout")
        }
    }

    /// What a gate that has not been met yet still needs: "4h more in stage canary (rollout gate min_stage_minutes)".
    private static func shortfall(_ gate: RolloutGateResult, stage: String) -> String {
        let observed = gate.observed ?? 0
        switch gate.gate {
        case .timeInStage:
            return "\(FigureText.duration(minutes: max(0, gate.threshold - observed))) more in stage \(stage) (rollout gate min_stage_minutes)"
        case .minOperations:
            let more = Int(max(0, gate.threshold - observed).rounded(.up))
            return "\(more) more request\(more == 1 ? "" : "s") in stage \(stage) (rollout gate min_operations)"
        default:
            return "\(gate.gate.rawValue) gate met in stage \(stage)"
        }
    }

    private static func where_(_ r: RolloutFigures) -> String {
        r.components.map { c in
            let percent = FigureText.number(c.currentTrafficPercent)
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
        let needs = level == .pass ? [] : ["experiments at PROCEED_WITH_ROLLOUT (now \(e.recommendation.code.rawValue))"]
        return .init(level: level, area: "experiments", message: "\(e.recommendation.code.rawValue): \(e.recommendation.reason)",
                     needs: needs, evidence: "#experiments")
    }

    /// An open SEV1 or SEV2 blocks; other open incidents are noted; none open passes.
    static func incidents(_ i: IncidentFigures) -> Verdict.Reason {
        let major = i.incidents.enumerated().filter { $0.element.isOpen && ($0.element.severity == .sev1 || $0.element.severity == .sev2) }
        if let first = major.first {
            return .init(level: .blocker, area: "incidents",
                         message: "open \(major.map { "\($0.element.severity.rawValue) \($0.element.id)" }.joined(separator: ", "))",
                         needs: major.map { "incident \($0.element.id) resolved" }, evidence: "#incident-\(first.offset + 1)")
        }
        let mttr = i.mttrMinutes.map { "; MTTR " + FigureText.duration(minutes: $0) } ?? ""
        if i.openCount > 0 {
            return .init(level: .pass, area: "incidents", message: "\(i.openCount) minor incident\(i.openCount == 1 ? "" : "s") open, none SEV1/SEV2\(mttr)",
                         evidence: "#incidents")
        }
        return .init(level: .pass, area: "incidents", message: "\(i.count) incident\(i.count == 1 ? "" : "s"), all resolved\(mttr)", evidence: "#incidents")
    }

    /// A failing check blocks; open items wait; all done passes.
    static func checklist(_ c: ChecklistFigures) -> Verdict.Reason {
        let numbered = c.tasks.enumerated()
        let failing = numbered.filter { $0.element.status == "failed" }
        if let first = failing.first {
            let texts = failing.map { "\"\($0.element.text)\"" }.joined(separator: ", ")
            return .init(level: .blocker, area: "checklist", message: "\(c.failed) item\(c.failed == 1 ? "" : "s") fail their check: \(texts)",
                         needs: failing.map { "checklist item \"\($0.element.text)\" passing its check" },
                         evidence: "checklist.html#\(first.element.anchor)")
        }
        let open = numbered.filter { $0.element.status == "open" }
        if let first = open.first {
            return .init(level: .pending, area: "checklist", message: "\(c.done) of \(c.total) items done",
                         needs: open.map { "checklist item \"\($0.element.text)\" done" }, evidence: "checklist.html#\(first.element.anchor)")
        }
        return .init(level: .pass, area: "checklist", message: "all \(c.total) items done", evidence: "checklist.html")
    }

    /// A rejection blocks. A required role without an approval, or whose approval is stale (its evidence
    /// changed since) or unverified (no digest), waits. All approved on their current evidence passes.
    static func signoffs(_ s: SignoffFigures) -> Verdict.Reason {
        if s.required == 0, s.rejected.isEmpty {
            return .init(level: .pending, area: "signoffs", message: "signoffs.yaml names no required roles",
                         needs: ["the roles that must approve listed under required: in signoffs.yaml"], evidence: "signoffs.html")
        }
        var parts: [String] = [], needs: [String] = []
        // Roles made stale by the same change are said once: "stale: qa signed … by …, ops signed … by …; changed since: notes.md".
        let stale = s.roles.filter { s.stale.contains($0.role) }
        var changes: [String] = []
        for role in stale where !changes.contains(role.changedSince ?? "") { changes.append(role.changedSince ?? "") }
        for change in changes {
            let group = stale.filter { ($0.changedSince ?? "") == change }
            let who = group.count == 1 ? "\(group[0].role) stale: \(group[0].signedText ?? "")"
                : "stale: " + group.map { "\($0.role) \($0.signedText ?? "")" }.joined(separator: ", ")
            parts.append("\(who); changed since: \(change)")
        }
        needs += stale.map { "\($0.role) sign-off again on the current evidence" }
        if !s.unverified.isEmpty {
            // Grouped by why: "unverified (no digest): qa; unverified (edited by hand after …): ops".
            let rows = s.roles.filter { s.unverified.contains($0.role) }
            var whys: [String] = []
            for row in rows where !whys.contains(row.unverifiedWhy ?? "no digest") { whys.append(row.unverifiedWhy ?? "no digest") }
            for why in whys {
                let roles = rows.filter { ($0.unverifiedWhy ?? "no digest") == why }.map(\.role)
                parts.append("unverified (\(why == "no digest" ? "no digest, written by hand" : why)): \(roles.joined(separator: ", "))")
            }
            needs += s.unverified.map { "\($0) sign-off recorded with flightdeck signoff" }
        }
        if !s.outstanding.isEmpty {
            parts.append("waiting for \(s.outstanding.joined(separator: ", "))")
            needs += s.outstanding.map { "\($0) sign-off" }
        }
        if !s.rejected.isEmpty {
            return .init(level: .blocker, area: "signoffs", message: (["rejected by \(s.rejected.joined(separator: ", "))"] + parts).joined(separator: "; "),
                         needs: s.rejected.map { "\($0) approval (now rejected)" } + needs, evidence: "signoffs.html")
        }
        if !parts.isEmpty {
            return .init(level: .pending, area: "signoffs", message: "\(s.approved) of \(s.required) approved; " + parts.joined(separator: "; "),
                         needs: needs, evidence: "signoffs.html")
        }
        return .init(level: .pass, area: "signoffs", message: "all \(s.required) required sign-offs approved on the current evidence",
                     evidence: "signoffs.html")
    }

    /// Up to five items, then "and N more".
    private static func listed(_ items: [String]) -> String {
        let shown = items.prefix(5).joined(separator: ", ")
        return items.count > 5 ? "\(shown) and \(items.count - 5) more" : shown
    }
}
