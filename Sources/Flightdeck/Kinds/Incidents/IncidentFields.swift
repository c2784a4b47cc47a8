/// Reads and checks one incident's front matter fields.
enum IncidentFields {
    /// The incident, or nil when a required field is missing or wrong. Every problem goes to the log.
    static func read(_ frontMatter: FrontMatter, body: MarkdownBody, path: String, log: DiagnosticLog) -> Incident? {
        guard let r = ObjectReader(frontMatter.fields, log: log, what: "the front matter") else { return nil }
        let id = r.string("id", required: true)
        let title = r.string("title", required: true)
        let severity = readSeverity(r)
        let status = r.choice("status", required: true, of: Incident.Status.allCases.map(\.rawValue)).flatMap(Incident.Status.init(rawValue:))
        let started = r.locatedInstant("started", required: true)
        let detected = r.locatedInstant("detected")
        let mitigated = r.locatedInstant("mitigated")
        let resolved = r.locatedInstant("resolved")
        let components = r.strings("components") ?? []
        let rollback = r.bool("rollback_triggered") ?? false
        let items = r.list("action_items")?.compactMap { readActionItem($0, log: log) } ?? []
        r.warnUnknownKeys()
        r.requireOrder(started, "started", detected, "detected")
        r.requireOrder(detected ?? started, detected == nil ? "started" : "detected", mitigated, "mitigated")
        r.requireOrder(mitigated ?? detected ?? started, mitigated != nil ? "mitigated" : detected != nil ? "detected" : "started",
                       resolved, "resolved")
        if let status, status.isClosed, resolved == nil, r.node["resolved"] == nil {
            log.error("status '\(status.rawValue)' needs a 'resolved' time", at: r.node["status"]?.location)
        }
        if let status, !status.isClosed, let resolved {
            log.warning("'resolved' is set but status is '\(status.rawValue)'; use 'resolved' or 'closed'", at: resolved.location)
        }
        guard let id, let title, let severity, let status, let started else { return nil }
        return Incident(id: id, title: title, severity: severity, status: status, started: started.date,
                        detected: detected?.date, mitigated: mitigated?.date, resolved: resolved?.date,
                        components: components, rollbackTriggered: rollback, actionItems: items, path: path,
                        body: body, bodyLine: frontMatter.bodyLine)
    }

    /// SEV1–SEV4 (any case), or seed 003's critical/high/medium/low.
    private static func readSeverity(_ r: ObjectReader) -> Incident.Severity? {
        let levels = Incident.Severity.allCases
        let words = levels.map(\.rawValue) + levels.map(\.seedName)
        guard let word = r.choice("severity", required: true, of: words) else { return nil }
        return levels.first { $0.rawValue == word || $0.seedName == word }
    }

    static func readActionItem(_ node: DataNode, log: DiagnosticLog) -> ActionItem? {
        guard let a = ObjectReader(node, log: log, what: "each action item") else { return nil }
        let title = a.string("title", required: true)
        let owner = a.string("owner", required: true)
        let due = a.date("due")
        let done = a.bool("done") ?? false
        a.warnUnknownKeys()
        guard let title, let owner else { return nil }
        return ActionItem(title: title, owner: owner, due: due, done: done)
    }
}
