/// Figures computed from Baseline. (Placeholder.)
package struct BaselineFigures: Sendable, Encodable {
    package init() {}
}

/// Pure computation of BaselineFigures.
package enum BaselineAnalysis {
    /// Computes the figures.
    package static func analyse(_ baseline: Baseline, thresholds: BaselineThresholds) -> BaselineFigures {
        BaselineFigures()
    }
}
