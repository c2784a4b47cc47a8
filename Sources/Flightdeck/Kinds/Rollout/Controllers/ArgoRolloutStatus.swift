/// Where an Argo Rollouts `Rollout` stands: `status.phase` as written (v1.0 and later), or derived from the status as
/// Argo CD's health check does for older objects; then mapped onto Flightdeck's rollout statuses.
struct ArgoRolloutStatus {
    /// The phases Argo Rollouts writes.
    static let phases = ["Healthy", "Progressing", "Paused", "Degraded"]

    /// The phase, as written or derived.
    var phase: String
    /// Whether it was derived (the object has no `status.phase`).
    var derived: Bool
    /// `status.message`, or the condition message that explains a derived phase.
    var message: String?
    /// Whether the rollout was aborted (`status.abort`, or a RolloutAborted condition): traffic went back to stable.
    var aborted: Bool

    /// Reads or derives the phase.
    static func read(_ status: ObjectReader?, spec: ObjectReader, blueGreen: Bool, conditions: [RolloutSource.Condition]) -> Self {
        let abortCondition = conditions.first { $0.type == "Progressing" && $0.reason == "RolloutAborted" }
        guard let status else {
            return .init(phase: "Progressing", derived: true, message: "the controller has not reconciled the Rollout yet (no status)", aborted: false)
        }
        let aborted = status.bool("abort") == true || abortCondition != nil
        if let phase = status.string("phase") {
            return .init(phase: phase, derived: false, message: status.string("message"), aborted: aborted)
        }
        if let invalid = conditions.first(where: { $0.type == "InvalidSpec" }) {
            return .init(phase: "Degraded", derived: true, message: invalid.message, aborted: aborted)
        }
        if let stuck = conditions.first(where: { $0.type == "Progressing" && ["RolloutAborted", "ProgressDeadlineExceeded"].contains($0.reason) }) {
            return .init(phase: "Degraded", derived: true, message: stuck.message, aborted: aborted)
        }
        let pauses = status.list("pauseConditions") ?? []
        if !pauses.isEmpty || spec.bool("paused") == true {
            let reasons = pauses.compactMap { $0["reason"]?.scalarText }
            return .init(phase: "Paused", derived: true, message: reasons.isEmpty ? "paused" : reasons.joined(separator: ", "), aborted: aborted)
        }
        guard let pod = status.string("currentPodHash") else {
            return .init(phase: "Progressing", derived: true, message: "the controller has not reconciled the Rollout yet", aborted: aborted)
        }
        let stable = status.string("stableRS") ?? status.object("canary")?.string("stableRS")
        let healthy: Bool
        if blueGreen {
            // The active service must point at the new pods, and the stable ReplicaSet (when recorded) be them.
            let active = status.object("blueGreen")?.string("activeSelector")
            healthy = active == pod && ((stable ?? "").isEmpty || stable == pod)
        } else {
            healthy = stable == pod
        }
        return .init(phase: healthy ? "Healthy" : "Progressing", derived: true,
                     message: healthy ? nil : "waiting for the rollout to finish its steps", aborted: aborted)
    }

    /// The phase as a Flightdeck status: Healthy → complete, Progressing → in progress, Paused → paused, Degraded →
    /// rolled back when aborted, else failed. An unknown phase is an error at `status.phase`.
    func mapped(at location: SourceLocation?, log: DiagnosticLog) -> RolloutStatus? {
        switch phase {
        case "Healthy": return .complete
        case "Progressing": return .inProgress
        case "Paused": return .paused
        case "Degraded": return aborted ? .rolledBack : .failed
        default:
            log.error("'phase' must be one of \(Self.phases.joined(separator: ", ")), found \"\(phase)\""
                      + Suggestion.phrase(for: phase, in: Self.phases), at: location)
            return nil
        }
    }
}
