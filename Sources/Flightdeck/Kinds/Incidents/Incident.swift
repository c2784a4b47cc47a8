package import Foundation

/// One incident: what happened, when, how bad, and what is being done about it.
package struct Incident: Sendable, Encodable {
    /// How bad an incident is (SEV1 worst); seed 003's words critical/high/medium/low map to SEV1–SEV4.
    package enum Severity: String, Sendable, Encodable, CaseIterable, Comparable {
        case sev1 = "SEV1", sev2 = "SEV2", sev3 = "SEV3", sev4 = "SEV4"

        /// The seed 003 word for each level, accepted as an alias.
        package var seedName: String {
            switch self { case .sev1: "critical"; case .sev2: "high"; case .sev3: "medium"; case .sev4: "low" }
        }

        /// SEV1 sorts first: "less" means more severe.
        package static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
    }

    /// Where the incident stands.
    package enum Status: String, Sendable, Encodable, CaseIterable {
        case open, investigating, identified, mitigated, monitoring, resolved, closed

        /// Resolved or closed; every other status is open.
        package var isClosed: Bool { self == .resolved || self == .closed }
    }

    /// The incident's id, unique in the release (`INC-2026-051`).
    package var id: String
    /// A one-line title.
    package var title: String
    /// SEV1–SEV4.
    package var severity: Severity
    /// Where it stands.
    package var status: Status
    /// When the problem began.
    package var started: Date
    /// When someone (or an alert) noticed.
    package var detected: Date?
    /// When a responder acknowledged it (PagerDuty's first acknowledgement, Opsgenie's `report.ackTime`).
    package var acknowledged: Date?
    /// The paging tool it was imported from (`PagerDuty`, `Opsgenie`); nil for a Markdown incident.
    package var source: String?
    /// When the impact stopped.
    package var mitigated: Date?
    /// When the cause was fixed.
    package var resolved: Date?
    /// The components affected.
    package var components: [String]
    /// Whether the incident triggered a rollout rollback.
    package var rollbackTriggered: Bool
    /// Follow-up work.
    package var actionItems: [ActionItem]
    /// The file, relative to the site root.
    package var path: String
    /// The postmortem, Markdown after the front matter (a long one kept in its file).
    package var body: MarkdownBody
    /// The 1-based line the body starts on in the file.
    package var bodyLine: Int

    /// Creates an incident.
    package init(id: String, title: String, severity: Severity, status: Status, started: Date, detected: Date? = nil,
                 mitigated: Date? = nil, resolved: Date? = nil, components: [String] = [], rollbackTriggered: Bool = false,
                 actionItems: [ActionItem] = [], path: String, body: MarkdownBody = .empty, bodyLine: Int = 1) {
        self.id = id
        self.title = title
        self.severity = severity
        self.status = status
        self.started = started
        self.detected = detected
        self.acknowledged = nil
        self.source = nil
        self.mitigated = mitigated
        self.resolved = resolved
        self.components = components
        self.rollbackTriggered = rollbackTriggered
        self.actionItems = actionItems
        self.path = path
        self.body = body
        self.bodyLine = bodyLine
    }
}

/// A follow-up task from an incident's review.
package struct ActionItem: Sendable, Encodable {
    /// What is to be done.
    package var title: String
    /// Who does it.
    package var owner: String
    /// When it is due (a calendar date, midnight UTC).
    package var due: Date?
    /// Whether it is done.
    package var done: Bool

    /// Creates an action item.
    package init(title: String, owner: String, due: Date? = nil, done: Bool = false) {
        self.title = title
        self.owner = owner
        self.due = due
        self.done = done
    }
}
