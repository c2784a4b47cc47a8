/// How paging tools' priorities and urgencies become SEV1–SEV4 (docs/formats/incidents.md, "Severity").
enum IncidentSeverityMapping {
    /// P1 → SEV1, P2 → SEV2, P3 → SEV3, P4 and P5 → SEV4 (PagerDuty's priority `summary`, Opsgenie's `priority`).
    static func priority(_ text: String) -> Incident.Severity? {
        switch text.trimmingCharacters(in: .whitespaces).uppercased() {
        case "P1": .sev1
        case "P2": .sev2
        case "P3": .sev3
        case "P4", "P5": .sev4
        default: nil
        }
    }

    /// PagerDuty's urgency when the incident has no priority: high → SEV2, low → SEV3.
    static func urgency(_ text: String) -> Incident.Severity? {
        switch text {
        case "high": .sev2
        case "low": .sev3
        default: nil
        }
    }
}
