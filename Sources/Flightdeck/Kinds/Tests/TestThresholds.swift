/// Verdict bands for test-suite success rate, in percent (seed 000: 95 ready, 80 caution).
package struct TestThresholds: ThresholdSection, Encodable {
    /// At or above this success rate (percent) the suite says ready.
    package var readyPercent = 95.0
    /// At or above this (and below ready) it says proceed with caution.
    package var cautionPercent = 80.0
    /// What a test failing now but not in the previous release of the same product does to the verdict.
    package var newFailures = NewFailureRule.block
    /// Failure categories from `tests: categories:`, in order; a failing test goes into the first that matches.
    package var categories: [TestCategory] = []

    /// How new test failures weigh (`thresholds.tests.new_failures`).
    package enum NewFailureRule: String, Sendable, Encodable, CaseIterable {
        /// Any new failure makes the release NO-GO (the seeds' "zero regression"); the default.
        case block
        /// New failures hold the release at PENDING until someone looks.
        case pending
        /// New failures are listed but do not change the verdict.
        case ignore
    }

    /// The defaults.
    package init() {}

    /// The `tests:` section of flightdeck.yaml: `categories:`, a list of `{name, message, trace, statuses}`.
    package mutating func readSettings(_ r: ObjectReader) {
        guard let list = r.list("categories") else { return }
        categories = list.compactMap { TestCategory.read($0, log: r.log) }
    }

    /// Overrides from `thresholds.tests`.
    package mutating func read(_ r: ObjectReader) {
        readyPercent = r.double("ready_percent", in: 0...100) ?? readyPercent
        cautionPercent = r.double("caution_percent", in: 0...100) ?? cautionPercent
        if let rule = r.choice("new_failures", of: NewFailureRule.allCases.map(\.rawValue)).flatMap(NewFailureRule.init(rawValue:)) {
            newFailures = rule
        }
    }
}
