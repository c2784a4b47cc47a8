package import Foundation

/// Where a rollout (or one component of it) stands.
package enum RolloutStatus: String, Sendable, Encodable {
    /// The last stage is at 100% traffic and has ended.
    case complete
    /// Still moving through its stages.
    case inProgress = "in_progress"
    /// A rollback or emergency rollback was the last word.
    case rolledBack = "rolled_back"
    /// Paused and not resumed.
    case paused
    /// A controller reports the rollout failed without taking the traffic back (Argo Rollouts `Degraded` without an
    /// abort, Flagger `Terminated`).
    case failed
}

/// Figures computed from a rollout.
package struct RolloutFigures: Sendable, Encodable {
    /// The whole rollout: rolled_back if any component is, else failed if any is, else paused if any is, else complete
    /// if all are, else in_progress.
    package var status: RolloutStatus
    /// The moment time-in-stage is measured to: `as_of`, else the latest time in the data.
    package var asOf: Date?
    /// Per component, in file order.
    package var components: [RolloutComponentFigures]
    /// Rollback and emergency-rollback events across all components.
    package var rollbackCount: Int
    /// Every reached stage of every component passed its gates (`passed == true`); false when none was reached.
    package var allGatesPassed: Bool
    /// Per component of the metrics time series, when there is one.
    package var series: [RolloutSeriesFigures]
}

/// Figures for one component.
package struct RolloutComponentFigures: Sendable, Encodable {
    /// The component's name.
    package var name: String
    /// Where it stands.
    package var status: RolloutStatus
    /// The thresholds its gates were judged against (site, then file, then component overrides).
    package var thresholds: RolloutThresholds
    /// The last stage reached (latest start), if any.
    package var currentStage: String?
    /// Traffic on the new version now: 0 after a rollback to nothing, the named stage's after a rollback to a stage.
    package var currentTrafficPercent: Double
    /// Minutes in the current stage: (end, else as-of) − start.
    package var timeInStageMinutes: Double?
    /// The same as the pages print durations ("1d 2h"), when known.
    package var timeInStageText: String?
    /// The `min_stage_minutes` gate as the pages print durations.
    package var minStageText: String
    /// Per stage, in rollout order.
    package var stages: [RolloutStageFigures]
    /// The rollback and emergency-rollback events, in time order.
    package var rollbacks: [RolloutEvent]
    /// Sum of requests over stages that report them.
    package var totalRequests: Int
    /// Sum of errors over stages that report them.
    package var totalErrors: Int
    /// The controller object it was read from (Argo Rollouts, Flagger), with its analyses; nil for rollout.yaml's own.
    package var source: RolloutSource?
}

/// Figures for one stage.
package struct RolloutStageFigures: Sendable, Encodable {
    /// How far the rollout got with this stage.
    package enum Status: String, Sendable, Encodable {
        /// Not reached (no start).
        case planned
        /// Reached and not ended.
        case active
        /// Ended.
        case completed
        /// A rollback happened while in it.
        case rolledBack = "rolled_back"
    }

    /// The stage's name.
    package var name: String
    /// Its traffic share, 0–100.
    package var trafficPercent: Double
    /// How far the rollout got with it.
    package var status: Status
    /// What the stage consists of, when a controller's steps made it ("setWeight 20 · pause").
    package var detail: String?
    /// When it began.
    package var start: Date?
    /// When it ended.
    package var end: Date?
    /// (end, else as-of) − start, in minutes.
    package var durationMinutes: Double?
    /// Requests in the stage.
    package var requests: Int?
    /// Errors in the stage.
    package var errors: Int?
    /// (requests − errors) / requests.
    package var successRate: Double?
    /// errors / requests.
    package var errorRate: Double?
    /// Median latency, ms.
    package var latencyP50Ms: Double?
    /// p99 latency, ms.
    package var latencyP99Ms: Double?
    /// (p99 − baseline p99) / baseline p99.
    package var latencyRegression: Double?
    /// Each gate's verdict, in a fixed order, then the controller's checks (`analysis`); empty for a planned stage.
    package var gates: [RolloutGateResult]
    /// True when no gate failed and at least one could be judged; nil when none could.
    package var passed: Bool?
}

/// One gate's verdict on one stage.
package struct RolloutGateResult: Sendable, Encodable {
    /// Which gate.
    package enum Gate: String, Sendable, Encodable {
        case successRate = "success_rate", errorRate = "error_rate", minOperations = "min_operations"
        case timeInStage = "time_in_stage", latencyRegression = "latency_regression"
        /// A check a controller judged (an AnalysisRun's metric, Flagger's failed checks).
        case analysis
    }

    /// Pass, fail, or not judged for want of data.
    package enum Outcome: String, Sendable, Encodable { case pass, fail, noData = "no_data" }

    /// Which gate.
    package var gate: Gate
    /// For an `analysis` gate, what was checked (the metric's name).
    package var name: String?
    /// The verdict.
    package var outcome: Outcome
    /// The observed value (a fraction, a count or minutes), when there was one.
    package var observed: Double?
    /// The threshold it was held to (none for an `analysis` gate: the controller judged it).
    package var threshold: Double?
    /// The comparison in words, e.g. "error rate 0.8% ≤ 5.0%".
    package var reason: String
}

/// What the metrics time series shows for one component (or for all samples when the CSV has no component column).
package struct RolloutSeriesFigures: Sendable, Encodable {
    /// The component, or nil for samples without one.
    package var component: String?
    /// Number of samples.
    package var points: Int
    /// Highest error rate seen, a fraction; none when no sample has an error rate.
    package var peakErrorRate: Double?
    /// Highest p99 latency seen, ms; none when no sample has a latency.
    package var peakLatencyP99Ms: Double?
    /// The first sample whose error rate is above the component's maximum error rate.
    package var firstErrorRateBreach: Date?
    /// The p99 latency limit: baseline p99 × (1 + max regression), when a baseline is known.
    package var latencyLimitMs: Double?
    /// The first sample whose p99 is above that limit.
    package var firstLatencyBreach: Date?
}
