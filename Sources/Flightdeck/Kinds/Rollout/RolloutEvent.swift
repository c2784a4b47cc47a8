package import Foundation

/// Something the rollout's operators (or its controller) did, with when and why.
package struct RolloutEvent: Sendable, Encodable {
    /// What happened.
    package enum Kind: String, Sendable, Encodable, CaseIterable {
        /// Moved on to the next (or the named) stage.
        case advance
        /// Stopped moving, traffic unchanged.
        case pause
        /// Went on after a pause.
        case resume
        /// Moved back to an earlier stage (or to 0% when no stage is named).
        case rollback
        /// Took all traffic off the new version at once.
        case emergencyRollback = "emergency_rollback"
    }

    /// What happened.
    package var kind: Kind
    /// When it happened.
    package var at: Date
    /// Why, in the operator's words.
    package var reason: String?
    /// The stage moved to (advance, rollback), when named.
    package var stage: String?

    /// Creates an event.
    package init(kind: Kind, at: Date, reason: String? = nil, stage: String? = nil) {
        self.kind = kind
        self.at = at
        self.reason = reason
        self.stage = stage
    }

    /// Whether the event takes traffic back.
    package var isRollback: Bool { kind == .rollback || kind == .emergencyRollback }
}
