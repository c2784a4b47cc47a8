package import Foundation

/// An analysis a controller ran for a rollout: an Argo Rollouts `AnalysisRun`, or Flagger's canary analysis
/// (its metrics and their thresholds; Flagger keeps no measurements in the object).
package struct RolloutAnalysisRun: Sendable, Encodable {
    /// Why the controller ran it, which decides the stages it judges.
    package enum Role: String, Sendable, Encodable {
        /// An `analysis` step of the canary (label `rollout-type: Step`): judges the stage holding that step.
        case step
        /// Runs beside the whole rollout (`rollout-type: Background`, or no label): judges every reached stage.
        case background
        /// Blue-green pre-promotion analysis: judges the preview stage.
        case prePromotion = "pre_promotion"
        /// Blue-green post-promotion analysis: judges the promoted stage.
        case postPromotion = "post_promotion"
        /// Flagger's canary analysis: its failed checks judge every reached stage.
        case canaryAnalysis = "canary_analysis"
    }

    /// `metadata.name` (or "canary analysis" for Flagger).
    package var name: String
    /// The file it was read from.
    package var path: String
    /// Why it ran.
    package var role: Role
    /// The canary step that started it (label `step-index`), for a step analysis.
    package var stepIndex: Int?
    /// False when it belongs to another revision than the rollout's current one (label `rollouts-pod-template-hash`
    /// differs from the rollout's `status.currentPodHash`): listed, but judges nothing.
    package var current: Bool
    /// `status.phase`: Pending, Running, Successful, Failed, Error, Inconclusive (Flagger: the canary's phase).
    package var phase: String?
    /// `status.message`.
    package var message: String?
    /// `status.startedAt`.
    package var startedAt: Date?
    /// Each metric with its limits, counts and measurements, in spec order.
    package var metrics: [RolloutAnalysisMetric]

    /// Creates a run record.
    package init(name: String, path: String, role: Role, stepIndex: Int? = nil, current: Bool = true, phase: String? = nil,
                 message: String? = nil, startedAt: Date? = nil, metrics: [RolloutAnalysisMetric] = []) {
        self.name = name
        self.path = path
        self.role = role
        self.stepIndex = stepIndex
        self.current = current
        self.phase = phase
        self.message = message
        self.startedAt = startedAt
        self.metrics = metrics
    }
}

/// One metric of an analysis: its conditions and limits from the spec, its counts and measurements from the status.
package struct RolloutAnalysisMetric: Sendable, Encodable {
    /// `name`.
    package var name: String
    /// Where its value comes from (`prometheus`, `web`, `job`), the provider's key.
    package var provider: String?
    /// `interval` as written (`5m`, `10`).
    package var interval: String?
    /// `successCondition` (an expression such as `result[0] >= 0.95`).
    package var successCondition: String?
    /// `failureCondition`.
    package var failureCondition: String?
    /// `failureLimit` as written (a number, or an argument such as `{{args.limit}}`).
    package var failureLimit: String?
    /// `inconclusiveLimit` as written.
    package var inconclusiveLimit: String?
    /// `consecutiveErrorLimit` as written.
    package var consecutiveErrorLimit: String?
    /// Flagger `thresholdRange.min`: the lowest passing value.
    package var thresholdMin: Double?
    /// Flagger `thresholdRange.max`: the highest passing value.
    package var thresholdMax: Double?
    /// The result's `phase`.
    package var phase: String?
    /// The result's `message`.
    package var message: String?
    /// `count`: measurements taken (Argo omits zero counts; a missing count is 0).
    package var count: Int?
    /// `successful` measurements.
    package var successful: Int?
    /// `failed` measurements.
    package var failed: Int?
    /// `inconclusive` measurements.
    package var inconclusive: Int?
    /// `error`: measurements that could not be taken.
    package var error: Int?
    /// `consecutiveError`.
    package var consecutiveError: Int?
    /// The measurements, in file order.
    package var measurements: [RolloutMeasurement]

    /// Creates a metric record.
    package init(name: String) {
        self.name = name
        self.measurements = []
    }
}

/// One measurement of an analysis metric.
package struct RolloutMeasurement: Sendable, Encodable {
    /// `phase`: Successful, Failed, Inconclusive, Error, Running.
    package var phase: String?
    /// `value` as the provider returned it (`0.97`, `[0.9768]`, `NaN`, `false`).
    package var value: String?
    /// The value as a number, when it is one (a one-element list such as `[0.97]` counts); nil for `NaN` and text.
    package var number: Double?
    /// `startedAt`.
    package var startedAt: Date?
    /// `finishedAt`.
    package var finishedAt: Date?
    /// `message` (why a measurement errored).
    package var message: String?
}
