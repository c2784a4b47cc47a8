import Foundation

/// Reads PagerDuty's incidents API JSON: `GET /incidents` (`{"incidents": [...]}`) or `GET /incidents/{id}`
/// (`{"incident": {...}}`), each incident mapped as docs/formats/incidents.md says.
enum PagerDutyReader {
    /// The statuses PagerDuty gives an incident, and where each stands in Flightdeck.
    static let statuses: [String: Incident.Status] = ["triggered": .open, "acknowledged": .investigating, "resolved": .resolved]

    /// The incidents of a response document; problems go to the log, and an incident with one is left out.
    static func read(_ root: ObjectReader, path: String) -> [Incident] {
        if root.node["incident"] != nil {
            guard let one = root.object("incident", required: true) else { return [] }
            return incident(one, path: path).map { [$0] } ?? []
        }
        guard let list = root.list("incidents", required: true) else { return [] }
        return list.compactMap { node in
            guard let r = ObjectReader(node, log: root.log, what: "each incident") else { return nil }
            return incident(r, path: path)
        }
    }

    private static func incident(_ r: ObjectReader, path: String) -> Incident? {
        let id = r.string("id", required: true)
        let title = r.string("title") ?? r.string("summary")
        let status = r.choice("status", required: true, of: ["triggered", "acknowledged", "resolved"]).flatMap { statuses[$0] }
        let created = r.locatedInstant("created_at", required: true)
        let severity = severity(r)
        let acknowledged = r.list("acknowledgements")?.compactMap { node -> Date? in
            guard let a = ObjectReader(node, log: r.log, what: "each acknowledgement") else { return nil }
            return a.instant("at", required: true)
        }.min()
        var resolved = r.locatedInstant("resolved_at")
        let lastChange = r.locatedInstant("last_status_change_at")
        if status == .resolved, resolved == nil { resolved = lastChange }
        if status == .resolved, resolved == nil {
            r.log.error("a resolved incident needs 'resolved_at' or 'last_status_change_at'", at: r.node.location)
        }
        r.requireOrder(created, "created_at", resolved, resolved?.location == lastChange?.location ? "last_status_change_at" : "resolved_at")
        let service = r.object("service")?.string("summary")
        guard let id, let status, let created, let severity else { return nil }
        var incident = Incident(id: id, title: title ?? id, severity: severity, status: status, started: created.date, detected: created.date,
                                resolved: status == .resolved ? resolved?.date : nil, components: service.map { [$0] } ?? [], path: path)
        incident.acknowledged = acknowledged
        incident.source = "PagerDuty"
        return incident
    }

    /// The priority's `summary` (P1–P5) when the incident has one, else its urgency.
    private static func severity(_ r: ObjectReader) -> Incident.Severity? {
        if let priority = r.object("priority"), let summary = priority.string("summary") {
            if let level = IncidentSeverityMapping.priority(summary) { return level }
            r.log.warning("priority '\(summary)' is not P1–P5; the severity comes from 'urgency'", at: priority.node.location)
        }
        guard let urgency = r.choice("urgency", required: true, of: ["high", "low"]) else { return nil }
        return IncidentSeverityMapping.urgency(urgency)
    }
}
