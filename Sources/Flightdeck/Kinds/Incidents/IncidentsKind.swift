import FlightdeckCharts
import FlightdeckCore
import Foundation

/// Incident records: incidents/*.md (YAML front matter and a Markdown postmortem each), PagerDuty incidents API JSON and
/// Opsgenie alert JSON (incidents/*.json); a Markdown file with `incident:` is the postmortem of an imported one.
enum IncidentsKind: EvidenceKind {
    static let id = "incidents"
    static let formats = [
        DataFormat(id: "incident-markdown", title: "an incident with its postmortem (Markdown with front matter)",
                   destination: { "incidents/\($0.hasSuffix(".md") ? $0 : $0 + ".md")" },
                   recognise: { sample in
                       guard sample.start.hasPrefix("---") else { return 0 }
                       return sample.share(of: ["\nid:", "\nseverity:", "\ndetected:"]) * 0.9
                   }),
        DataFormat(id: "pagerduty-incidents", title: "PagerDuty incidents API JSON (GET /incidents, GET /incidents/{id})",
                   destination: { "incidents/\($0.hasSuffix(".json") ? $0 : $0 + ".json")" },
                   recognise: { sample in
                       guard sample.start.hasPrefix("{") else { return 0 }
                       let root = sample.head.contains("\"incidents\"") || sample.head.contains("\"incident\"")
                       return root ? sample.share(of: ["\"incident_number\"", "\"urgency\"", "\"created_at\""]) : 0
                   }),
        DataFormat(id: "opsgenie-alerts", title: "Opsgenie alert API JSON (GET /v2/alerts)",
                   destination: { "incidents/\($0.hasSuffix(".json") ? $0 : $0 + ".json")" },
                   recognise: { sample in
                       guard sample.start.hasPrefix("{"), sample.head.contains("\"data\"") else { return 0 }
                       return sample.share(of: ["\"tinyId\"", "\"createdAt\"", "\"acknowledged\""])
                   }),
    ]
    static let title = "Incidents"
    static let overviewCharts = ["incidents_timeline"]

    /// A page per incident, `incidents/<slug of its id>/`; an id that gives no slug, or one already taken (ignoring
    /// case), uses `incident-<n>`.
    static func itemPages(_ model: Incidents) -> [ItemPage] {
        var taken: Set<String> = []
        return model.incidents.enumerated().map { offset, incident in
            var slug = ItemPage.slug(incident.id, fallback: "incident-\(offset + 1)")
            if taken.contains(slug.lowercased()) { slug = "incident-\(offset + 1)" }
            while taken.contains(slug.lowercased()) { slug += "-" }
            taken.insert(slug.lowercased())
            return ItemPage(slug: slug, title: incident.id, template: "incident.html")
        }
    }
    static let hint = "incidents/*.md, or PagerDuty or Opsgenie JSON under incidents/"
    static let subfolder: (name: String, extensions: [String])? = ("incidents", ["md", "markdown", "json"])
    static let keptFigures = ["count", "open_count"]

    /// The incidents, each postmortem parsed (Render turns it into HTML).
    static func read(_ release: ReleaseSource, in context: ReadContext) -> Incidents? {
        guard var incidents = IncidentReader.read(release, log: context.log) else { return nil }
        // A body of only white space has no postmortem.
        for incident in incidents.incidents where !incident.body.isBlank {
            do {
                let body = try incident.body.parse(unsafeHTML: context.config.markdownUnsafeHTML, nested: true, ids: .postmortem(incident.id),
                                                   firstLine: incident.bodyLine, keepLinks: context.keepLinks)
                context.log.report(contentsOf: body.warnings)
                incidents.postmortems[incident.id] = body
            } catch {
                context.log.report(contentsOf: error.diagnostics)
            }
        }
        return incidents
    }

    static func analyse(_ incidents: Incidents, in context: AnalysisContext) -> IncidentFigures? {
        IncidentAnalysis.analyse(incidents)
    }

    /// An open SEV1 or SEV2 blocks; other open incidents are noted; none open passes.
    static func reason(_ i: IncidentFigures) -> Verdict.Reason? {
        let major = i.incidents.enumerated().filter { $0.element.isOpen && ($0.element.severity == .sev1 || $0.element.severity == .sev2) }
        if let first = major.first {
            return .init(level: .blocker, area: id,
                         message: "open \(major.map { "\($0.element.severity.rawValue) \($0.element.id)" }.joined(separator: ", "))",
                         needs: major.map { "incident \($0.element.id) resolved" }, evidence: "#incident-\(first.offset + 1)")
        }
        let mttr = i.mttrMinutes.map { "; MTTR " + FigureText.duration(minutes: $0) } ?? ""
        if i.openCount > 0 {
            return .init(level: .pass, area: id, message: "\(i.openCount) minor incident\(i.openCount == 1 ? "" : "s") open, none SEV1/SEV2\(mttr)",
                         evidence: "#incidents")
        }
        return .init(level: .pass, area: id, message: "\(i.count) incident\(i.count == 1 ? "" : "s"), all resolved\(mttr)", evidence: "#incidents")
    }

    /// The timeline, drawn up to the rollout's report time when the release has a rollout.
    static func charts(_ incidents: Incidents, figures: IncidentFigures, in context: ChartContext) -> [String: Chart] {
        guard !incidents.incidents.isEmpty else { return [:] }
        return ["incidents_timeline": IncidentCharts.timeline(incidents, asOf: context.data[RolloutKind.self]?.asOf, prefix: context.prefix)]
    }
}
