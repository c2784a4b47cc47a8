package import Foundation

/// The progressive-delivery controller object a rollout component was read from (an Argo Rollouts `Rollout`,
/// a Flagger `Canary`), with what the controller reported, kept as it wrote it. The component's stages, checks
/// and events are mapped from it as docs/formats/rollout-controllers.md describes.
package struct RolloutSource: Sendable, Encodable {
    /// Which controller wrote the object.
    package enum Controller: String, Sendable, Encodable {
        /// Argo Rollouts (`argoproj.io/v1alpha1`).
        case argoRollouts = "argo_rollouts"
        /// Flagger (`flagger.app/v1beta1`).
        case flagger

        /// How people name it, as the page prints it.
        package var title: String {
            switch self {
            case .argoRollouts: "Argo Rollouts"
            case .flagger: "Flagger"
            }
        }
    }

    /// One of the object's `status.conditions`.
    package struct Condition: Sendable, Encodable, Equatable {
        /// `type` (`Progressing`, `Promoted`).
        package var type: String
        /// `status`: `True`, `False` or `Unknown`.
        package var status: String?
        /// `reason` (`RolloutAborted`, `Succeeded`).
        package var reason: String?
        /// `message`.
        package var message: String?
        /// `lastTransitionTime`.
        package var lastTransitionTime: Date?
    }

    /// Which controller wrote it.
    package var controller: Controller
    /// The controller's name as the page prints it ("Argo Rollouts").
    package var controllerTitle: String
    /// The file it was read from, relative to the site root.
    package var path: String
    /// The same file relative to the release folder (`rollout/checkout.yaml`), as the page names it.
    package var file: String
    /// `apiVersion`.
    package var apiVersion: String
    /// `kind` (`Rollout`, `Canary`).
    package var kind: String
    /// `metadata.name`.
    package var name: String
    /// `metadata.namespace`, when written.
    package var namespace: String?
    /// The deployment strategy: `canary`, `blueGreen` (Argo Rollouts) or `canary analysis` (Flagger).
    package var strategy: String
    /// `status.phase` as written, or as derived from the conditions when the object has none (`phaseDerived`).
    package var phase: String?
    /// True when the object had no `status.phase` (Argo Rollouts before v1.0) and `phase` was derived from its conditions.
    package var phaseDerived: Bool
    /// `status.message`, or the message that explains the phase (an abort's reason).
    package var message: String?
    /// Where the controller says the rollout stands, mapped onto Flightdeck's statuses.
    package var status: RolloutStatus
    /// Argo Rollouts `status.currentStepIndex`: the steps done so far.
    package var currentStepIndex: Int?
    /// The number of canary steps in the spec (Argo Rollouts).
    package var stepCount: Int?
    /// The traffic the controller reports on the new version now (Argo `status.canary.weights.canary.weight`,
    /// Flagger `status.canaryWeight`), which can differ from the stage's planned weight.
    package var canaryWeight: Double?
    /// Flagger `status.failedChecks`.
    package var failedChecks: Int?
    /// Flagger `spec.analysis.threshold`: failed checks before a rollback.
    package var threshold: Int?
    /// Flagger `status.iterations`.
    package var iterations: Int?
    /// `status.conditions`, in file order.
    package var conditions: [Condition]
    /// The analyses judged for it: Argo Rollouts `AnalysisRun`s, or Flagger's canary analysis.
    package var analyses: [RolloutAnalysisRun]
    /// The latest instant written anywhere in the object and its analyses; the default "as of" of the rollout.
    package var latestInstant: Date?

    /// Creates a source record; analyses are attached later.
    package init(controller: Controller, path: String, apiVersion: String, kind: String, name: String, namespace: String?,
                 strategy: String, status: RolloutStatus) {
        self.controller = controller
        self.controllerTitle = controller.title
        self.path = path
        self.file = path
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.strategy = strategy
        self.phaseDerived = false
        self.status = status
        self.conditions = []
        self.analyses = []
    }
}
