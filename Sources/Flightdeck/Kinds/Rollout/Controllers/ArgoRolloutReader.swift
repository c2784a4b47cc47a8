import FlightdeckCore
import Foundation

/// Reads an Argo Rollouts `Rollout` (argoproj.io/v1alpha1) into a component: the canary steps become stages (one per
/// `setWeight`, then `promoted` at 100%), `status.currentStepIndex` and the phase say how far it got, pauses and an
/// abort become events. Stage times are not recorded by Argo Rollouts and stay empty.
enum ArgoRolloutReader {
    /// The component of a Rollout, or nil when the object cannot be read. Problems go to the log.
    static func read(_ object: KubernetesObjects.Object, log: DiagnosticLog) -> ControllerRollout? {
        guard let r = ObjectReader(object.node, log: log, what: "a Rollout"),
              let metadata = r.object("metadata", required: true), let name = metadata.string("name", required: true),
              let spec = r.object("spec", required: true) else { return nil }
        let namespace = metadata.string("namespace")
        let status = r.object("status")
        guard let strategy = spec.object("strategy", required: true) else { return nil }
        let canary = strategy.object("canary"), blueGreen = strategy.object("blueGreen")
        guard canary != nil || blueGreen != nil else {
            log.error("'strategy' must have 'canary' or 'blueGreen'", at: strategy.node.location)
            return nil
        }
        let steps = ArgoRolloutStages.steps(canary)
        let conditions = ControllerConditions.read(status)
        let state = ArgoRolloutStatus.read(status, spec: spec, blueGreen: blueGreen != nil, conditions: conditions)
        guard let mapped = state.mapped(at: status?.node["phase"]?.location, log: log) else { return nil }

        var source = RolloutSource(controller: .argoRollouts, path: object.path, apiVersion: object.apiVersion, kind: object.kind,
                                   name: name, namespace: namespace, strategy: blueGreen != nil ? "blueGreen" : "canary", status: mapped)
        source.phase = state.phase
        source.phaseDerived = state.derived
        source.message = state.message
        source.currentStepIndex = status?.int("currentStepIndex")
        source.stepCount = blueGreen == nil ? steps.count : nil
        source.canaryWeight = status?.object("canary")?.object("weights")?.object("canary")?.percent("weight")
        source.conditions = conditions

        let plan = blueGreen != nil ? ArgoRolloutStages.blueGreen() : ArgoRolloutStages.canary(steps)
        let current = blueGreen != nil ? 0 : source.currentStepIndex
        var stages = plan.stages
        for (index, progress) in ArgoRolloutStages.progress(firstSteps: plan.firstSteps, current: current, status: mapped).enumerated() {
            stages[index].reported = progress
        }
        let events = self.events(status, conditions: conditions, message: state.message)
        var instants = conditions.compactMap(\.lastTransitionTime) + events.map(\.at)
        if let created = metadata.instant("creationTimestamp") { instants.append(created) }
        source.latestInstant = instants.max()
        let component = RolloutComponent(name: name, stages: stages, events: events, source: source)
        return ControllerRollout(component: component, location: metadata.node["name"]?.location ?? object.node.location,
                                 namespace: namespace, podHash: status?.string("currentPodHash"), firstSteps: plan.firstSteps)
    }

    /// A pause per `status.pauseConditions` entry; an emergency rollback at `status.abortedAt` (or the RolloutAborted
    /// condition's time) when `status.abort` is true.
    private static func events(_ status: ObjectReader?, conditions: [RolloutSource.Condition], message: String?) -> [RolloutEvent] {
        guard let status else { return [] }
        var events: [RolloutEvent] = []
        for element in status.list("pauseConditions") ?? [] {
            guard let p = ObjectReader(element, log: status.log, what: "each pause condition") else { continue }
            let reason = p.string("reason")
            if let at = p.instant("startTime") {
                events.append(RolloutEvent(kind: .pause, at: at, reason: reason.map { "paused: \($0)" } ?? "paused"))
            }
        }
        let abortCondition = conditions.first { $0.reason == "RolloutAborted" }
        if status.bool("abort") == true, let at = status.instant("abortedAt") ?? abortCondition?.lastTransitionTime {
            events.append(RolloutEvent(kind: .emergencyRollback, at: at, reason: message ?? abortCondition?.message ?? "aborted"))
        }
        return events.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }
}
