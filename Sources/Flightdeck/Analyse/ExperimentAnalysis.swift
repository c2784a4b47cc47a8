/// Figures computed from Experiments. (Placeholder.)
package struct ExperimentFigures: Sendable, Encodable {
    package init() {}
}

/// Pure computation of ExperimentFigures.
package enum ExperimentAnalysis {
    /// Computes the figures.
    package static func analyse(_ experiments: Experiments, thresholds: ExperimentThresholds) -> ExperimentFigures {
        ExperimentFigures()
    }
}
