import FlightdeckCore
import Foundation

/// Reads a Flagger `Canary` (flagger.app/v1beta1) into a component: the analysis' weights become stages (`10%`, `20%`…
/// up to `maxWeight`, then `promotion` at 100%), the phase and `status.canaryWeight` say how far it got, and the failed
/// checks against `threshold` are the check of every reached stage. Flagger records no stage times and no measurements.
enum FlaggerCanaryReader {
    /// The phases Flagger writes.
    static let phases = ["Initializing", "Initialized", "Waiting", "Progressing", "WaitingPromotion", "Promoting",
                         "Finalising", "Succeeded", "Failed", "Terminating", "Terminated"]

    /// The component of a Canary, or nil when the object cannot be read. Problems go to the log.
    static func read(_ object: KubernetesObjects.Object, log: DiagnosticLog) -> ControllerRollout? {
        guard let r = ObjectReader(object.node, log: log, what: "a Canary"),
              let metadata = r.object("metadata", required: true), let name = metadata.string("name", required: true) else { return nil }
        let spec = r.object("spec")
        let analysis = spec?.object("analysis") ?? spec?.object("canaryAnalysis")
        let status = r.object("status")
        let phase = status?.string("phase")
        guard let mapped = map(phase, at: status?.node["phase"]?.location, log: log) else { return nil }
        let conditions = ControllerConditions.read(status)
        var source = RolloutSource(controller: .flagger, path: object.path, apiVersion: object.apiVersion, kind: object.kind,
                                   name: name, namespace: metadata.string("namespace"), strategy: "canary analysis", status: mapped)
        source.phase = phase ?? "Initializing"
        source.phaseDerived = phase == nil
        let promoted = conditions.first { $0.type == "Promoted" }
        source.message = promoted?.message
        source.canaryWeight = status?.percent("canaryWeight")
        source.failedChecks = status?.count("failedChecks")
        source.iterations = status?.count("iterations")
        source.threshold = analysis?.count("threshold")
        source.conditions = conditions
        source.analyses = [FlaggerAnalysis.run(analysis, path: object.path, phase: source.phase)]

        var stages = FlaggerAnalysis.stages(analysis, canaryWeight: source.canaryWeight ?? 0)
        let progress = self.progress(phase: source.phase ?? "", weights: stages.dropLast().map(\.trafficPercent),
                                     canaryWeight: source.canaryWeight ?? 0)
        let check = FlaggerAnalysis.check(failedChecks: source.failedChecks, threshold: source.threshold,
                                          skipped: spec?.bool("skipAnalysis") == true)
        for index in stages.indices {
            stages[index].reported = progress[index]
            // The failed checks count over the whole analysis, so they judge every weight stage it reached.
            if index < stages.count - 1, progress[index] != .planned { stages[index].checks = [check] }
        }
        let transition = status?.instant("lastTransitionTime")
        var events: [RolloutEvent] = []
        if let at = transition {
            switch source.phase {
            case "Failed": events.append(RolloutEvent(kind: .emergencyRollback, at: at, reason: promoted?.message ?? "canary analysis failed"))
            case "Waiting", "WaitingPromotion": events.append(RolloutEvent(kind: .pause, at: at, reason: promoted?.message ?? source.phase))
            default: break
            }
        }
        source.latestInstant = ([transition, metadata.instant("creationTimestamp")].compactMap { $0 }
                                + conditions.compactMap(\.lastTransitionTime)).max()
        let component = RolloutComponent(name: name, stages: stages, events: events, source: source)
        return ControllerRollout(component: component, location: metadata.node["name"]?.location ?? object.node.location,
                                 namespace: source.namespace, podHash: nil, firstSteps: [])
    }

    /// The phase as a Flightdeck status. Succeeded → complete; Failed → rolled back (Flagger scales the canary to zero);
    /// Terminating/Terminated → failed; Waiting and WaitingPromotion → paused; the rest → in progress. No status at all
    /// is Initializing. An unknown phase is an error.
    private static func map(_ phase: String?, at location: SourceLocation?, log: DiagnosticLog) -> RolloutStatus? {
        switch phase ?? "Initializing" {
        case "Succeeded": return .complete
        case "Failed": return .rolledBack
        case "Terminating", "Terminated": return .failed
        case "Waiting", "WaitingPromotion": return .paused
        case "Initializing", "Initialized", "Progressing", "Promoting", "Finalising": return .inProgress
        case let other:
            log.error("'phase' must be one of \(phases.joined(separator: ", ")), found \"\(other)\"" + Suggestion.phrase(for: other, in: phases),
                      at: location)
            return nil
        }
    }

    /// Each stage's progress for a phase: before the analysis (Initializing, Initialized, Waiting) and after a failure
    /// (Flagger resets the weight to 0, so the stage it failed in is not known) every stage is planned; Progressing
    /// reaches the weight stages up to `canaryWeight`; WaitingPromotion has finished them; Promoting and Finalising
    /// are in the promotion; Succeeded has finished all.
    private static func progress(phase: String, weights: [Double], canaryWeight: Double) -> [RolloutStageFigures.Status] {
        let count = weights.count + 1
        switch phase {
        case "Progressing":
            let active = weights.lastIndex { $0 <= canaryWeight } ?? 0
            return (0..<count).map { $0 < active ? .completed : $0 == active ? .active : .planned }
        case "WaitingPromotion":
            return (0..<count).map { $0 < weights.count ? .completed : .planned }
        case "Promoting", "Finalising":
            return (0..<count).map { $0 < weights.count ? .completed : .active }
        case "Succeeded":
            return (0..<count).map { _ in .completed }
        default:
            return (0..<count).map { _ in .planned }
        }
    }
}
