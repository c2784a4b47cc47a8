/// Significance settings for A/B experiments (seed 004).
package struct ExperimentThresholds: ThresholdSection, Encodable {
    /// Confidence level for significance, e.g. 0.95.
    package var confidence = 0.95
    /// Minimum samples per variant before a result counts.
    package var minSampleSize = 100

    /// Overrides from `thresholds.experiments`.
    package mutating func read(_ r: ObjectReader) {
        confidence = r.double("confidence", in: 0.5...0.9999) ?? confidence
        minSampleSize = r.int("min_sample_size", in: 1...Int.max) ?? minSampleSize
    }
}
