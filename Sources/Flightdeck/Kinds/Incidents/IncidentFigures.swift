import Foundation

/// Figures computed from a release's incidents.
package struct IncidentFigures: Sendable, Encodable {
    /// Per incident, in file order.
    package var incidents: [IncidentTimes]
    /// Number of incidents.
    package var count: Int
    /// Incidents whose status is not resolved or closed.
    package var openCount: Int
    /// Open incidents of severity SEV1 or SEV2 (these block a release).
    package var openMajor: Int
    /// Per severity SEV1–SEV4 (all four, in order): total and open.
    package var bySeverity: [SeverityCount]
    /// Mean time to detect: mean of (detected − started) over incidents with a detected time, minutes.
    package var mttdMinutes: Double?
    /// Mean time to acknowledge: mean of (acknowledged − detected, or − started) over incidents with an acknowledged time, minutes.
    package var mttaMinutes: Double?
    /// Mean time to acknowledge as the pages print durations, when known.
    package var mttaText: String?
    /// Mean time to mitigate: mean of (mitigated − started) over incidents with a mitigated time, minutes.
    package var mttmMinutes: Double?
    /// Mean time to resolve: mean of (resolved − started) over incidents with a resolved time, minutes.
    package var mttrMinutes: Double?
    /// The three means as the pages print durations ("3h 33m"), when known.
    package var mttdText: String?
    package var mttmText: String?
    package var mttrText: String?
    /// Incidents that triggered a rollback.
    package var rollbacksTriggered: Int
    /// Action items not done, across all incidents.
    package var openActionItems: Int
    /// The worst severity among open incidents.
    package var worstOpenSeverity: Incident.Severity?
}

/// One incident's durations.
package struct IncidentTimes: Sendable, Encodable {
    /// The incident's id.
    package var id: String
    /// Its severity.
    package var severity: Incident.Severity
    /// Its status.
    package var status: Incident.Status
    /// Whether it is still open (status not resolved or closed).
    package var isOpen: Bool
    /// detected − started, minutes.
    package var timeToDetectMinutes: Double?
    /// acknowledged − detected (or − started), minutes.
    package var timeToAcknowledgeMinutes: Double?
    /// mitigated − started, minutes.
    package var timeToMitigateMinutes: Double?
    /// resolved − started, minutes.
    package var timeToResolveMinutes: Double?
    /// The four times as the pages print durations ("1h 5m"), when known.
    package var timeToDetectText: String?
    package var timeToAcknowledgeText: String?
    package var timeToMitigateText: String?
    package var timeToResolveText: String?
    /// Action items in total.
    package var actionItems: Int
    /// Action items not done.
    package var openActionItems: Int
}

/// How many incidents of one severity there are, and how many are open.
package struct SeverityCount: Sendable, Encodable {
    /// The severity.
    package var severity: Incident.Severity
    /// All incidents of this severity.
    package var total: Int
    /// Those still open.
    package var open: Int
}
