/// Figures computed from Rollout. (Placeholder.)
package struct RolloutFigures: Sendable, Encodable {
    package init() {}
}

/// Pure computation of RolloutFigures.
package enum RolloutAnalysis {
    /// Computes the figures.
    package static func analyse(_ rollout: Rollout, thresholds: RolloutThresholds) -> RolloutFigures {
        RolloutFigures()
    }
}
