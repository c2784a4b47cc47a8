package import Foundation

/// A progressive rollout: rollout.yaml (with an optional metrics CSV and Prometheus responses), the objects of
/// progressive-delivery controllers in the release's `rollout/` folder, or the seed controller's state JSON.
package struct Rollout: Sendable, Encodable {
    /// Where the rollout was read from.
    package enum SourceFormat: String, Sendable, Encodable {
        /// Flightdeck's rollout.yaml.
        case yaml
        /// The seed rollout controller's state JSON (rollout_state.json or rollout.json), read unchanged.
        case controllerState = "controller_state"
        /// Argo Rollouts and Flagger objects in the `rollout/` folder, without a rollout.yaml.
        case controllerObjects = "controller_objects"
    }

    /// The file the rollout came from, relative to the site root.
    package var path: String
    /// The format of that file.
    package var format: SourceFormat
    /// The moment figures such as time in stage are measured to; nil means the latest time in the data.
    package var asOf: Date?
    /// Gate overrides for every component of the file.
    package var gates: RolloutGateOverrides
    /// The components rolled out, in file order.
    package var components: [RolloutComponent]
    /// The metrics time series CSV, when one is referenced.
    package var metricsPath: String?
    /// The metrics time series, sorted by time.
    package var metrics: [RolloutMetricPoint]
    /// The controller state JSON read beside a rollout.yaml, when both exist.
    package var controller: RolloutControllerState?
    /// The Prometheus `query_range` responses bound to series roles in rollout.yaml, in binding order.
    package var prometheus: [RolloutPrometheusSeries] = []

    /// Creates a rollout.
    package init(path: String, format: SourceFormat, asOf: Date? = nil, gates: RolloutGateOverrides = .init(),
                 components: [RolloutComponent], metricsPath: String? = nil, metrics: [RolloutMetricPoint] = [],
                 controller: RolloutControllerState? = nil) {
        self.path = path
        self.format = format
        self.asOf = asOf
        self.gates = gates
        self.components = components
        self.metricsPath = metricsPath
        self.metrics = metrics
        self.controller = controller
    }
}

/// One component of a rollout (a service, a storage backend) with its own stages and events.
package struct RolloutComponent: Sendable, Encodable {
    /// The component's name, unique in the file.
    package var name: String
    /// Gate overrides for this component (over the file's and the site's).
    package var gates: RolloutGateOverrides
    /// The baseline p99 latency in milliseconds, for the latency-regression gate.
    package var baselineLatencyP99Ms: Double?
    /// The stages in rollout order; stages without a start are planned, not yet reached.
    package var stages: [RolloutStage]
    /// The events (advance, pause, resume, rollback, emergency rollback), sorted by time.
    package var events: [RolloutEvent]
    /// The controller object the stages and events were mapped from (Argo Rollouts, Flagger); nil for rollout.yaml's own.
    package var source: RolloutSource?

    /// Creates a component.
    package init(name: String, gates: RolloutGateOverrides = .init(), baselineLatencyP99Ms: Double? = nil,
                 stages: [RolloutStage], events: [RolloutEvent] = [], source: RolloutSource? = nil) {
        self.name = name
        self.gates = gates
        self.baselineLatencyP99Ms = baselineLatencyP99Ms
        self.stages = stages
        self.events = events
        self.source = source
    }
}
