/// Figures computed from Performance. (Placeholder.)
package struct PerformanceFigures: Sendable, Encodable {
    package init() {}
}

/// Pure computation of PerformanceFigures.
package enum PerformanceAnalysis {
    /// Computes the figures.
    package static func analyse(_ performance: Performance, baseline: Baseline?, thresholds: PerformanceThresholds) -> PerformanceFigures {
        PerformanceFigures()
    }
}
