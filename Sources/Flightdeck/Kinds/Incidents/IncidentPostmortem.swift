/// A Markdown postmortem of an imported incident: front matter `incident:` names the imported id; the file's body
/// becomes that incident's postmortem, and its `components`, `rollback_triggered` and `action_items` are added.
enum IncidentPostmortem {
    /// Attaches the postmortem to the incident it names; an id no imported incident has is an error with a did-you-mean.
    static func attach(_ frontMatter: FrontMatter, body: MarkdownBody, path: String, to incidents: inout [Incident], log: DiagnosticLog) {
        guard let r = ObjectReader(frontMatter.fields, log: log, what: "the front matter") else { return }
        guard let id = r.string("incident", required: true) else { return }
        let components = r.strings("components")
        let rollback = r.bool("rollback_triggered")
        let items = r.list("action_items")?.compactMap { IncidentFields.readActionItem($0, log: log) }
        r.warnUnknownKeys()
        let imported = incidents.filter { $0.source != nil }.map(\.id)
        guard let index = incidents.firstIndex(where: { $0.id == id && $0.source != nil }) else {
            let known = imported.isEmpty ? "no incident is imported from incidents/*.json" : "imported incidents: \(imported.joined(separator: ", "))"
            log.error("'incident' names '\(id)', which no PagerDuty or Opsgenie file in incidents/ has\(Suggestion.phrase(for: id, in: imported)) (\(known))",
                      at: r.node["incident"]?.location)
            return
        }
        guard incidents[index].body.isEmpty else {
            log.error("incident '\(id)' already has a postmortem (\(incidents[index].path))", at: r.node["incident"]?.location)
            return
        }
        incidents[index].path = path
        incidents[index].body = body
        incidents[index].bodyLine = frontMatter.bodyLine
        if let components { incidents[index].components = components }
        if let rollback { incidents[index].rollbackTriggered = rollback }
        if let items { incidents[index].actionItems = items }
    }
}
