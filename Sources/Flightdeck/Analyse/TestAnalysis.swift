/// Figures computed from TestResults. (Placeholder.)
package struct TestFigures: Sendable, Encodable {
    package init() {}
}

/// Pure computation of TestFigures.
package enum TestAnalysis {
    /// Computes the figures.
    package static func analyse(_ results: TestResults, previous: TestResults?, thresholds: TestThresholds) -> TestFigures {
        TestFigures()
    }
}
