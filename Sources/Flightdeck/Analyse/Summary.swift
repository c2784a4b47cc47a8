/// count, mean, sample standard deviation, min, max, median and 95th percentile of one series.
package struct Summary: Sendable, Encodable, Equatable {
    /// How many values.
    package let count: Int
    /// The arithmetic mean; nil for no values.
    package let mean: Double?
    /// The sample standard deviation (n − 1); nil for fewer than two values.
    package let std: Double?
    /// The smallest value.
    package let min: Double?
    /// The largest value.
    package let max: Double?
    /// The median, numpy's linear method.
    package let p50: Double?
    /// The 95th percentile, numpy's linear method.
    package let p95: Double?

    /// Summarises a series (the values need not be sorted); percentiles by selection, not a full sort.
    package init(_ values: [Double]) {
        count = values.count
        mean = Statistics.mean(values)
        std = Statistics.sampleStandardDeviation(values)
        min = values.min()
        max = values.max()
        var scratch = values
        p50 = Selection.quantile(&scratch, 0.5)
        p95 = Selection.quantile(&scratch, 0.95)
    }
}
