import FlightdeckCore
import Foundation

/// Reads the seed rollout controller's state JSON (seed 002 `RolloutController._save_state`) unchanged.
///
/// The seed writes `datetime.now().isoformat()`, which has no time zone: such timestamps are read as UTC
/// with a warning (Flightdeck's own files must carry a zone).
enum RolloutStateReader {
    /// The state, or nil when the file is not usable. Problems go to the log.
    static func read(_ file: SourceFile, log: DiagnosticLog) -> RolloutControllerState? {
        let root: DataNode
        do {
            root = try JSONReader.read(file.text, path: file.path)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
        guard let r = ObjectReader(root, log: log, what: "the rollout controller state") else { return nil }
        let lastUpdated = lenientInstant(r, "last_updated")
        let configs = r.object("configs")
        let metrics = r.object("metrics")
        guard let stages = r.object("current_stages", required: true) else { r.warnUnknownKeys(); return nil }
        r.warnUnknownKeys()
        let names = RolloutControllerState.stagePercents.map(\.name)
        var components: [RolloutControllerState.Component] = []
        for name in stages.keys.sorted() {
            let stage = stages.choice(name, required: true, of: names)
            let percent = RolloutControllerState.stagePercents.first { $0.name == stage }?.percent
            var component = RolloutControllerState.Component(name: name, currentStage: stage ?? "", trafficPercent: percent ?? 0,
                                                             location: stages.node[name]?.location)
            if let c = configs?.object(name) {
                component.startDate = lenientInstant(c, "start_date")
                component.stageDurationDays = c.nonNegative("stage_duration_days")
                component.autoAdvance = c.bool("auto_advance")
                component.successThreshold = c.fraction("success_threshold")
                component.errorThreshold = c.fraction("error_threshold")
                c.warnUnknownKeys()
            }
            if let m = metrics?.object(name) {
                component.successCount = m.count("success_count")
                component.errorCount = m.count("error_count")
                component.stageStarted = lenientInstant(m, "stage_started")
                m.warnUnknownKeys()
            }
            if stage != nil { components.append(component) }
        }
        for section in [configs, metrics].compactMap({ $0 }) {
            for key in section.keys where !stages.keys.contains(key) {
                log.warning("'\(key)' has no entry in 'current_stages'; it is ignored", at: section.node[key]?.location)
            }
        }
        return RolloutControllerState(path: file.path, lastUpdated: lastUpdated, components: components)
    }

    /// An instant; one without a time zone (as the seed writes them) is read as UTC with a warning.
    private static func lenientInstant(_ r: ObjectReader, _ key: String) -> Date? {
        guard let node = r.node[key], let text = node.scalarText, case .failure(.missingTimeZone) = Timestamp.instant(text),
              case .success(let date) = Timestamp.instant(text + "Z") else { return r.instant(key) }
        _ = r.value(key)
        r.log.warning("'\(key)' has no time zone; read as UTC", at: node.location)
        return date
    }

    /// A rollout made from the state alone: one stage per component, the one the controller is in.
    static func rollout(from state: RolloutControllerState) -> Rollout {
        let components = state.components.map { c in
            let ended = c.currentStage == "complete" ? state.lastUpdated ?? c.stageStarted : nil
            let requests = c.successCount.flatMap { s in c.errorCount.map { s + $0 } }
            let stage = RolloutStage(name: c.currentStage, trafficPercent: c.trafficPercent, start: c.stageStarted ?? c.startDate,
                                     end: ended, requests: requests, errors: requests == nil ? nil : c.errorCount)
            let gates = RolloutGateOverrides(minSuccessRate: c.successThreshold, maxErrorRate: c.errorThreshold,
                                             minStageMinutes: c.stageDurationDays.map { $0 * 1440 })
            var events: [RolloutEvent] = []
            if c.currentStage == "disabled", let at = c.stageStarted ?? state.lastUpdated {
                events.append(RolloutEvent(kind: .emergencyRollback, at: at, reason: "controller stage 'disabled'"))
            }
            return RolloutComponent(name: c.name, gates: gates, stages: [stage], events: events)
        }
        return Rollout(path: state.path, format: .controllerState, asOf: state.lastUpdated, components: components)
    }

    /// Warns where the controller's current stage disagrees with the rollout.yaml beside it.
    static func crossCheck(_ state: RolloutControllerState, against rollout: Rollout, log: DiagnosticLog) {
        for c in state.components {
            guard let component = rollout.components.first(where: { $0.name == c.name }) else {
                log.warning("component '\(c.name)' is not in \(rollout.path)"
                            + Suggestion.phrase(for: c.name, in: rollout.components.map(\.name)), at: c.location)
                continue
            }
            let current = component.stages.last { $0.start != nil }
            if let current, current.trafficPercent != c.trafficPercent {
                log.warning("controller stage '\(c.currentStage)' means \(Int(c.trafficPercent))% traffic, but \(rollout.path) has "
                            + "'\(current.name)' at \(Int(current.trafficPercent))%", at: c.location)
            }
        }
    }
}
