import Foundation

/// Reads Opsgenie's alert API JSON: `GET /v2/alerts` (`{"data": [...]}`) or `GET /v2/alerts/{id}` (`{"data": {...}}`),
/// each alert mapped as docs/formats/incidents.md says.
enum OpsgenieReader {
    /// The alerts of a response document; problems go to the log, and an alert with one is left out.
    static func read(_ root: ObjectReader, path: String) -> [Incident] {
        guard let data = root.value("data", required: true) else { return [] }
        let nodes: [DataNode]
        switch data.kind {
        case .array(let items): nodes = items
        case .object: nodes = [data]
        default:
            root.log.error("'data' must be a list of alerts (or one alert), found \(data.quoted)", at: data.location)
            return []
        }
        return nodes.compactMap { node in
            guard let r = ObjectReader(node, log: root.log, what: "each alert") else { return nil }
            return alert(r, path: path)
        }
    }

    private static func alert(_ r: ObjectReader, path: String) -> Incident? {
        let id = r.string("id", required: true)
        let message = r.string("message")
        let statusWord = r.choice("status", required: true, of: ["open", "closed"])
        let isAcknowledged = r.bool("acknowledged") ?? false
        let created = r.locatedInstant("createdAt", required: true)
        let updated = r.instant("updatedAt")
        let priority = r.string("priority")
        var severity = Incident.Severity.sev3
        if let priority {
            if let level = IncidentSeverityMapping.priority(priority) { severity = level }
            else { r.log.error("'priority' must be one of P1, P2, P3, P4, P5, found \"\(priority)\"", at: r.node["priority"]?.location) }
        }
        let report = r.object("report")
        let ackTime = report?.double("ackTime", in: 0...Double(Int.max))
        let closeTime = report?.double("closeTime", in: 0...Double(Int.max))
        guard let id, let statusWord, let created else { return nil }
        let closed = statusWord == "closed"
        let resolved = closed ? closeTime.map { created.date.addingTimeInterval($0 / 1000) } ?? updated : nil
        if closed, resolved == nil {
            r.log.error("a closed alert needs 'report.closeTime' or 'updatedAt'", at: r.node.location)
        }
        let status: Incident.Status = closed ? .closed : (isAcknowledged ? .investigating : .open)
        let entity = r.string("entity").flatMap { $0.isEmpty ? nil : [$0] } ?? []
        var incident = Incident(id: id, title: message ?? id, severity: severity, status: status, started: created.date,
                                detected: created.date, resolved: resolved, components: entity, path: path)
        incident.acknowledged = ackTime.map { created.date.addingTimeInterval($0 / 1000) }
        incident.source = "Opsgenie"
        return incident
    }
}
