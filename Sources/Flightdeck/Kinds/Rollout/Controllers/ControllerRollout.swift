/// A rollout component read from a controller's object, with what attaching its AnalysisRuns needs.
struct ControllerRollout {
    /// The component: stages, events, and the object as its source.
    var component: RolloutComponent
    /// Where the object's name is written.
    var location: SourceLocation
    /// `metadata.namespace`.
    var namespace: String?
    /// Argo Rollouts `status.currentPodHash`: the revision AnalysisRuns must belong to, to count.
    var podHash: String?
    /// For each stage, the index of its first canary step (Argo Rollouts), to place step analyses.
    var firstSteps: [Int]
}
