package import Foundation

/// One stage of a rollout: a share of traffic for a period, with what was observed in it.
package struct RolloutStage: Sendable, Encodable {
    /// The stage's name, unique within its component (`canary`, `50%`).
    package var name: String
    /// The share of traffic on the new version, 0–100.
    package var trafficPercent: Double
    /// When the stage began; nil for a planned stage not yet reached.
    package var start: Date?
    /// When the stage ended; nil while it runs (or if never reached).
    package var end: Date?
    /// Requests (operations) served by the new version in the stage.
    package var requests: Int?
    /// Of those, how many failed.
    package var errors: Int?
    /// Median latency in milliseconds.
    package var latencyP50Ms: Double?
    /// 99th-percentile latency in milliseconds.
    package var latencyP99Ms: Double?
    /// How far the rollout got with the stage when a controller reported it (it records no stage times); nil
    /// means it follows from `start` and `end`.
    package var reported: RolloutStageFigures.Status?
    /// What the stage consists of, for people: the controller's steps ("setWeight 20 · pause 10m · analysis").
    package var detail: String?
    /// Checks a controller judged in the stage (an AnalysisRun's metrics, Flagger's failed checks).
    package var checks: [RolloutCheck] = []

    /// Creates a stage.
    package init(name: String, trafficPercent: Double, start: Date? = nil, end: Date? = nil, requests: Int? = nil,
                 errors: Int? = nil, latencyP50Ms: Double? = nil, latencyP99Ms: Double? = nil) {
        self.name = name
        self.trafficPercent = trafficPercent
        self.start = start
        self.end = end
        self.requests = requests
        self.errors = errors
        self.latencyP50Ms = latencyP50Ms
        self.latencyP99Ms = latencyP99Ms
    }
}
