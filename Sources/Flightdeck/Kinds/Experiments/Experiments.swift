package import Foundation

/// An A/B experiment (seed 004): per-variant samples of each metric, from per-request records or pre-aggregated.
package struct Experiments: Sendable, Encodable {
    /// What the file held.
    package enum Shape: String, Sendable, Encodable {
        /// One record per request, summarised on reading.
        case records
        /// Counts, means and standard deviations per variant.
        case aggregates
    }

    /// The file, relative to the site root.
    package var path: String
    /// The experiment's name, when the file gives one.
    package var name: String?
    /// Records or aggregates.
    package var shape: Shape
    /// Confidence level set in the file, overriding the site's.
    package var confidence: Double?
    /// Minimum sample size per variant set in the file, overriding the site's.
    package var minSampleSize: Int?
    /// The metrics, in declaration (or seed) order.
    package var metrics: [ExperimentMetric]
    /// Number of records read (records shape).
    package var recordCount: Int?
    /// Earliest record timestamp.
    package var periodStart: Date?
    /// Latest record timestamp.
    package var periodEnd: Date?
    /// The CSV file the records came from, when experiments.json names one.
    package var recordsPath: String?

    /// Creates an experiment.
    package init(path: String, name: String? = nil, shape: Shape, confidence: Double? = nil, minSampleSize: Int? = nil,
                 metrics: [ExperimentMetric], recordCount: Int? = nil, periodStart: Date? = nil, periodEnd: Date? = nil) {
        self.path = path
        self.name = name
        self.shape = shape
        self.confidence = confidence
        self.minSampleSize = minSampleSize
        self.metrics = metrics
        self.recordCount = recordCount
        self.periodStart = periodStart
        self.periodEnd = periodEnd
    }
}

/// One metric of an experiment with its two samples.
package struct ExperimentMetric: Sendable, Encodable {
    /// Continuous (Welch's t-test) or a proportion (chi-square).
    package enum Kind: String, Sendable, Encodable, CaseIterable { case continuous, proportion }
    /// Which way is better.
    package enum Direction: String, Sendable, Encodable, CaseIterable { case higher, lower }

    /// The metric's name (`processing_time`).
    package var name: String
    /// Continuous or proportion.
    package var kind: Kind
    /// Whether higher or lower values are better.
    package var better: Direction
    /// The metric the seed's PROCEED_WITH_ROLLOUT rule looks at (processing_accuracy).
    package var primary: Bool
    /// A regression here means DO_NOT_ROLLOUT (processing_accuracy, timeout_rate).
    package var critical: Bool
    /// The control variant's sample.
    package var control: VariantSample
    /// The treatment variant's sample.
    package var treatment: VariantSample

    /// Creates a metric.
    package init(name: String, kind: Kind, better: Direction, primary: Bool = false, critical: Bool = false,
                 control: VariantSample, treatment: VariantSample) {
        self.name = name
        self.kind = kind
        self.better = better
        self.primary = primary
        self.critical = critical
        self.control = control
        self.treatment = treatment
    }
}

/// One variant's sample of one metric.
package struct VariantSample: Sendable, Encodable, Equatable {
    /// Observations.
    package var n: Int
    /// Mean (for a proportion, successes / n); nil when n = 0.
    package var mean: Double?
    /// Sample variance (n − 1 denominator); nil when unknown or n < 2.
    package var variance: Double?
    /// Successes, for a proportion.
    package var successes: Int?

    /// Creates a sample.
    package init(n: Int, mean: Double?, variance: Double? = nil, successes: Int? = nil) {
        self.n = n
        self.mean = mean
        self.variance = variance
        self.successes = successes
    }

    /// A proportion's sample from its counts.
    package init(successes: Int, n: Int) {
        self.init(n: n, mean: n > 0 ? Double(successes) / Double(n) : nil, successes: successes)
    }

    /// A continuous sample from its values.
    package init(values: [Double]) {
        let summary = SampleSummary(values)
        self.init(n: summary.n, mean: summary.mean, variance: summary.variance)
    }

    /// The summary the t-test takes.
    package var summary: SampleSummary { SampleSummary(n: n, mean: mean, variance: variance) }
}
