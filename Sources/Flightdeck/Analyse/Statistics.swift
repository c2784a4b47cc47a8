/// Descriptive statistics over finite numbers; every function returns nil where the figure is undefined
/// (no values, or fewer than two for a sample standard deviation), never NaN or infinity.
///
/// Methods: the mean and the sample standard deviation (n − 1 denominator, pandas' `std`) are two-pass;
/// percentiles use linear interpolation between closest ranks, numpy's default (`method="linear"`):
/// for sorted values x₀…xₙ₋₁ and fraction q, h = (n − 1)·q and the result is x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).
package enum Statistics {
    /// The sum (0 for no values).
    package static func sum(_ values: [Double]) -> Double {
        var total = 0.0
        for value in values { total += value }
        return total
    }

    /// The arithmetic mean, or nil for no values.
    package static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return finite(sum(values) / Double(values.count))
    }

    /// The sample standard deviation (denominator n − 1), or nil for fewer than two values.
    package static func sampleStandardDeviation(_ values: [Double]) -> Double? {
        guard values.count >= 2, let mean = mean(values) else { return nil }
        var squares = 0.0
        for value in values { squares += (value - mean) * (value - mean) }
        return finite((squares / Double(values.count - 1)).squareRoot())
    }

    /// The sample variance (denominator n − 1), or nil for fewer than two values.
    package static func sampleVariance(_ values: [Double]) -> Double? {
        sampleStandardDeviation(values).map { $0 * $0 }
    }

    /// The smallest value, or nil for no values.
    package static func minimum(_ values: [Double]) -> Double? { values.min() }

    /// The largest value, or nil for no values.
    package static func maximum(_ values: [Double]) -> Double? { values.max() }

    /// The `percent` percentile (0–100) by numpy's linear method, or nil for no values or a percent outside 0–100.
    package static func percentile(_ values: [Double], _ percent: Double) -> Double? {
        quantile(values.sorted(), percent / 100)
    }

    /// The `fraction` quantile (0–1) of values already sorted ascending, by numpy's linear method.
    package static func quantile(_ sorted: [Double], _ fraction: Double) -> Double? {
        guard !sorted.isEmpty, (0...1).contains(fraction) else { return nil }
        let n = Double(sorted.count)
        // numpy: virtual index = n·q + (α + q(1 − α − β)) − 1 with α = β = 1.
        let index = n * fraction + (1 + fraction * -1) - 1
        let lowerIndex = min(max(0, Int(index.rounded(.down))), sorted.count - 1)
        let upperIndex = min(lowerIndex + 1, sorted.count - 1)
        let t = index - Double(lowerIndex)
        let a = sorted[lowerIndex], b = sorted[upperIndex]
        // numpy's _lerp: a + (b − a)·t, computed from the upper end when t ≥ 0.5.
        let difference = b - a
        let value = t >= 0.5 ? b - difference * (1 - t) : a + difference * t
        return finite(a == b ? a : value)
    }

    /// The value itself when finite, otherwise nil.
    package static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

    /// `part / whole`, or nil when the whole is zero or the result is not finite.
    package static func ratio(_ part: Double, _ whole: Double) -> Double? {
        whole == 0 ? nil : finite(part / whole)
    }
}
