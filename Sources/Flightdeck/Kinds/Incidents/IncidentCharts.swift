import Foundation
import FlightdeckCharts

/// Charts of incidents.
enum IncidentCharts {
    /// Each incident from start to resolution (or to the report's time while open).
    static func timeline(_ incidents: Incidents, asOf: Date?, prefix: String) -> Chart {
        let now = asOf ?? incidents.incidents.map { $0.resolved ?? $0.mitigated ?? $0.detected ?? $0.started }.max() ?? Date(timeIntervalSince1970: 0)
        return .timeline(TimelineChart(
            id: "\(prefix)-incidents", title: "Incident timeline",
            description: "Each incident from its start to its resolution; open incidents run to the latest time recorded.",
            format: .dateTime,
            items: incidents.incidents.map { incident in
                let end = max(incident.resolved ?? now, incident.started.addingTimeInterval(60))
                let tone: Tone = incident.resolved == nil ? .critical : (incident.severity <= .sev2 ? .negative : .warning)
                return TimelineItem(label: "\(incident.id) \(incident.severity.rawValue)", section: incident.status.rawValue,
                                    start: incident.started.timeIntervalSince1970, end: end.timeIntervalSince1970, tone: tone)
            }))
    }
}
