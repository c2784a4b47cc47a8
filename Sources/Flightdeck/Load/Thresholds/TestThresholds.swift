/// Verdict bands for test-suite success rate, in percent (seed 000: 95 ready, 80 caution).
package struct TestThresholds: Sendable, Encodable {
    /// At or above this success rate (percent) the suite says ready.
    package var readyPercent = 95.0
    /// At or above this (and below ready) it says proceed with caution.
    package var cautionPercent = 80.0

    /// The defaults.
    package init() {}

    /// Overrides from `thresholds.tests`.
    package mutating func read(_ r: ObjectReader) {
        readyPercent = r.double("ready_percent", in: 0...100) ?? readyPercent
        cautionPercent = r.double("caution_percent", in: 0...100) ?? cautionPercent
    }
}
