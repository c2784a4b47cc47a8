/// The five-number summary of a sample with Tukey whiskers (1.5 × IQR) and the outliers beyond them.
public struct BoxSummary: Sendable, Hashable {
    /// Number of values.
    public var count: Int
    /// Smallest value.
    public var min: Double
    /// First quartile.
    public var q1: Double
    /// Median.
    public var median: Double
    /// Third quartile.
    public var q3: Double
    /// Largest value.
    public var max: Double
    /// Smallest value within 1.5 × IQR below Q1.
    public var lowerWhisker: Double
    /// Largest value within 1.5 × IQR above Q3.
    public var upperWhisker: Double
    /// Values beyond the whiskers, ascending.
    public var outliers: [Double]

    /// A summary given directly (e.g. from precomputed percentiles); whiskers at min and max, no outliers.
    public init(count: Int, min: Double, q1: Double, median: Double, q3: Double, max: Double) {
        self.count = count
        self.min = min
        self.q1 = q1
        self.median = median
        self.q3 = q3
        self.max = max
        lowerWhisker = min
        upperWhisker = max
        outliers = []
    }

    /// The summary of the finite `values`, quartiles by linear interpolation (NumPy's default, R type 7); nil when none are finite.
    public init?(values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        guard let first = sorted.first, let last = sorted.last else { return nil }
        self.init(count: sorted.count, min: first, q1: Self.quantile(sorted, 0.25), median: Self.quantile(sorted, 0.5),
                  q3: Self.quantile(sorted, 0.75), max: last)
        let reach = 1.5 * (q3 - q1)
        lowerWhisker = sorted.first { $0 >= q1 - reach } ?? first
        upperWhisker = sorted.last { $0 <= q3 + reach } ?? last
        outliers = sorted.filter { $0 < lowerWhisker || $0 > upperWhisker }
    }

    /// The `p` quantile of sorted values with linear interpolation between closest ranks.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = Swift.min(below + 1, sorted.count - 1)
        return sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
    }
}
