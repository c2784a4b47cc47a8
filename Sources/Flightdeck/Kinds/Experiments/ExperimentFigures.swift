package import Foundation

/// Figures computed from an experiment: per-metric tests and the seed's rollout recommendation.
package struct ExperimentFigures: Sendable, Encodable {
    /// The confidence level used (file, else site): significant when p < 1 − confidence.
    package var confidence: Double
    /// The minimum sample per variant for a result to count.
    package var minSampleSize: Int
    /// Per metric, in the experiment's order.
    package var metrics: [ExperimentMetricFigures]
    /// Metrics significantly better in treatment.
    package var significantImprovements: [String]
    /// Metrics significantly worse in treatment.
    package var significantRegressions: [String]
    /// The seed 004 recommendation.
    package var recommendation: ExperimentRecommendation
    /// Records read, for per-request data.
    package var recordCount: Int?
    /// First and last record time.
    package var periodStart: Date?
    /// Last record time.
    package var periodEnd: Date?
}

/// One metric's comparison of treatment against control.
package struct ExperimentMetricFigures: Sendable, Encodable {
    /// Which test was run.
    package enum Test: String, Sendable, Encodable {
        /// Welch's unequal-variances t-test.
        case welchT = "welch_t"
        /// Pearson's chi-square on the 2×2 table with Yates' continuity correction (scipy's default).
        case chiSquareYates = "chi_square_yates"
    }

    /// What the difference means for the release.
    package enum Effect: String, Sendable, Encodable { case improvement, regression, none }

    /// The metric's name.
    package var name: String
    /// Continuous or proportion.
    package var kind: ExperimentMetric.Kind
    /// Which way is better.
    package var better: ExperimentMetric.Direction
    /// Primary metric of the recommendation.
    package var primary: Bool
    /// Critical metric (a regression stops the rollout).
    package var critical: Bool
    /// Control observations.
    package var controlN: Int
    /// Treatment observations.
    package var treatmentN: Int
    /// Control mean (a proportion for proportions).
    package var controlMean: Double?
    /// Treatment mean.
    package var treatmentMean: Double?
    /// Control sample standard deviation (continuous).
    package var controlStd: Double?
    /// Treatment sample standard deviation (continuous).
    package var treatmentStd: Double?
    /// treatment mean − control mean.
    package var difference: Double?
    /// difference / control mean (nil when the control mean is 0).
    package var relativeDifference: Double?
    /// Lower end of the confidence interval of the difference.
    package var ciLow: Double?
    /// Upper end.
    package var ciHigh: Double?
    /// The test.
    package var test: Test
    /// For chi-square: whether Yates' continuity correction was applied (always, as scipy's default); nil for Welch.
    package var yatesCorrection: Bool?
    /// t (treatment − control) or χ².
    package var statistic: Double?
    /// Degrees of freedom (Welch–Satterthwaite, or 1).
    package var degreesOfFreedom: Double?
    /// Two-sided p-value.
    package var pValue: Double?
    /// Both variants have at least the minimum sample.
    package var sampleSizeSufficient: Bool
    /// p < 1 − confidence and the sample is sufficient.
    package var significant: Bool
    /// Improvement, regression or none (not significant).
    package var effect: Effect
    /// Why, in words.
    package var reason: String
}

/// Seed 004's rollout recommendation with its reason and action.
package struct ExperimentRecommendation: Sendable, Encodable {
    /// The four outcomes of `generate_rollout_recommendation`.
    package enum Code: String, Sendable, Encodable {
        case doNotRollout = "DO_NOT_ROLLOUT"
        case proceedWithRollout = "PROCEED_WITH_ROLLOUT"
        case proceedWithCaution = "PROCEED_WITH_CAUTION"
        case holdCurrentStage = "HOLD_CURRENT_STAGE"
    }

    /// The outcome.
    package var code: Code
    /// Why.
    package var reason: String
    /// What to do.
    package var action: String
}
