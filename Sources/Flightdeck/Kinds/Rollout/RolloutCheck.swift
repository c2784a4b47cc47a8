/// A check a progressive-delivery controller judged in one stage (an AnalysisRun's metric, Flagger's failed
/// checks against its threshold); it becomes an `analysis` gate of the stage.
package struct RolloutCheck: Sendable, Encodable {
    /// What was checked: the metric's name, or `failed checks`.
    package var name: String
    /// The controller's verdict: pass, fail, or not judged (running, inconclusive, no threshold).
    package var outcome: RolloutGateResult.Outcome
    /// The verdict in words, e.g. "success-rate successful: 3 of 3 measurements successful (failure limit 3)".
    package var reason: String

    /// Creates a check.
    package init(name: String, outcome: RolloutGateResult.Outcome, reason: String) {
        self.name = name
        self.outcome = outcome
        self.reason = reason
    }
}
