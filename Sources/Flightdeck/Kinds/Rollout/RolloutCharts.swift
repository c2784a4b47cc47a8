import Foundation
import FlightdeckCharts

/// Charts of rollout data.
enum RolloutCharts {
    /// The release's incidents as markers: when each was detected (its start when no detection time is known),
    /// and when it was mitigated and resolved, labelled with its id and severity.
    static func incidentMarkers(_ incidents: [Incident]) -> [EventMarker] {
        incidents.flatMap { incident -> [EventMarker] in
            let name = "\(incident.id) (\(incident.severity.rawValue))"
            var markers = [EventMarker(label: "\(name) detected", x: (incident.detected ?? incident.started).timeIntervalSince1970, tone: .negative)]
            if let mitigated = incident.mitigated { markers.append(EventMarker(label: "\(incident.id) mitigated", x: mitigated.timeIntervalSince1970, tone: .positive)) }
            if let resolved = incident.resolved, resolved != incident.mitigated {
                markers.append(EventMarker(label: "\(incident.id) resolved", x: resolved.timeIntervalSince1970, tone: .positive))
            }
            return markers
        }
    }

    /// The release's dated sign-offs as markers: "sign-off qa: approved", the role as written (who signed is on
    /// the sign-offs page; a name would make the label too long to draw whole).
    static func signoffMarkers(_ entries: [Signoffs.Entry]) -> [EventMarker] {
        entries.compactMap { entry in
            guard let date = entry.date else { return nil }
            let tone: Tone = switch entry.decision {
            case .approved: .positive
            case .rejected: .negative
            case .pending: .neutral
            }
            return EventMarker(label: "sign-off \(entry.role): \(entry.decision.rawValue)", x: date.timeIntervalSince1970, tone: tone)
        }
    }

    /// The first sample of each component's metrics above its maximum error rate, and above its p99 latency limit,
    /// as markers: "error rate over 5% (api)", "p99 over limit (api)" (the component named when there are several).
    static func breachMarkers(_ figures: RolloutFigures?) -> [EventMarker] {
        guard let figures else { return [] }
        let named = figures.series.count > 1
        return figures.series.flatMap { series -> [EventMarker] in
            let suffix = named ? " (\(series.component ?? "all"))" : ""
            var markers: [EventMarker] = []
            if let at = series.firstErrorRateBreach {
                // Samples without a component belong to the only component, when there is just one (as analysis reads them).
                let owner = series.component ?? (figures.components.count == 1 ? figures.components.first?.name : nil)
                let limit = figures.components.first { $0.name == owner }?.thresholds.maxErrorRate
                let text = limit.map { "error rate over \(String(format: "%g", $0 * 100))%" } ?? "error rate over limit"
                markers.append(EventMarker(label: text + suffix, x: at.timeIntervalSince1970, tone: .critical))
            }
            if let at = series.firstLatencyBreach {
                markers.append(EventMarker(label: "p99 over limit" + suffix, x: at.timeIntervalSince1970, tone: .warning))
            }
            return markers
        }
    }

    /// Traffic (each component's share as steps, from its first stage to `as_of`), error rate and p99 latency, each
    /// with the rollout's events, the release's incidents (detected, mitigated, resolved) and the metrics' first
    /// threshold breaches marked on its time axis;
    /// the traffic chart also marks the dated sign-offs that fall within the rollout.
    static func charts(_ rollout: Rollout, figures: RolloutFigures?, incidents: [Incident] = [], signoffs: [Signoffs.Entry] = [],
                       prefix: String) -> [String: Chart] {
        var charts: [String: Chart] = [:]
        let multiple = rollout.components.count > 1
        var seen = Set<String>()
        let events = rollout.components.flatMap { component in
            component.events.sorted { $0.at < $1.at }.compactMap { event -> EventMarker? in
                let tone: Tone = switch event.kind {
                case .rollback, .emergencyRollback: .critical
                case .pause: .warning
                case .advance, .resume: .info
                }
                let isRollback = event.kind == .rollback || event.kind == .emergencyRollback
                let label = event.kind.rawValue.replacingOccurrences(of: "_", with: " ")
                    + (event.stage.map { " → \($0)" } ?? "") + (multiple && isRollback ? " (\(component.name))" : "")
                // The same advance in several components at once is one marker.
                guard seen.insert("\(label)@\(event.at.timeIntervalSince1970)").inserted else { return nil }
                return EventMarker(label: label, x: event.at.timeIntervalSince1970, tone: tone)
            }
        }
        let releaseEvents = incidentMarkers(incidents) + breachMarkers(figures)
        let asOf = rollout.asOf ?? figures?.asOf
        let traffic = rollout.components.compactMap { component -> LineSeries? in
            var points: [Point] = []
            for stage in component.stages {
                guard let start = stage.start else { continue }
                points.append(Point(x: start.timeIntervalSince1970, y: stage.trafficPercent))
                if let end = stage.end { points.append(Point(x: end.timeIntervalSince1970, y: stage.trafficPercent)) }
            }
            if let rollback = component.events.last(where: { $0.kind == .rollback || $0.kind == .emergencyRollback }) {
                points.append(Point(x: rollback.at.timeIntervalSince1970, y: 0))
            }
            points.sort { $0.x < $1.x }
            // The last step holds until the moment the rollout is reported at.
            if let last = points.last, let now = asOf?.timeIntervalSince1970, now > last.x {
                points.append(Point(x: now, y: last.y))
            }
            return points.isEmpty ? nil : LineSeries(name: component.name, points: points)
        }
        if !traffic.isEmpty {
            // Incidents within the rollout's time: one weeks later would squeeze every stage to the left.
            let xs = traffic.flatMap { $0.points.map(\.x) }
            let span = (xs.min() ?? 0)...(xs.max() ?? 0)
            let shown = (releaseEvents + signoffMarkers(signoffs)).filter { span.contains($0.x) }
            var chart = StepChart(
                id: "\(prefix)-rollout-traffic", title: "Traffic on the new version",
                description: "Share of traffic per component over time, with advance, pause and rollback events"
                    + (shown.isEmpty ? "." : ", and the incidents, threshold breaches and sign-offs within it."),
                xLabel: "Time (UTC)", yLabel: "Traffic", xFormat: .dateTime, format: .percent(decimals: 0),
                series: traffic, events: events + shown, yRange: 0...100)
            // Each stage (from any component's stage start or end to the next) gets at least a tenth of the width.
            chart.xStops = rollout.components.flatMap { component in
                component.stages.flatMap { [$0.start, $0.end].compactMap { $0?.timeIntervalSince1970 } }
                    + component.events.filter { $0.kind == .rollback || $0.kind == .emergencyRollback }.map { $0.at.timeIntervalSince1970 }
            }
            charts["rollout_traffic"] = .step(chart)
        }
        let metrics = rollout.metrics
        if !metrics.isEmpty {
            // Each role's series, per component in name order; a component without samples of the role is left
            // out. One pass over the samples, which may be millions.
            func series(_ value: (RolloutMetricPoint) -> Double?) -> [LineSeries] {
                var byComponent: [String: [Point]] = [:]
                for point in metrics {
                    guard let y = value(point) else { continue }
                    byComponent[point.component ?? "", default: []].append(Point(x: point.timestamp.timeIntervalSince1970, y: y))
                }
                return byComponent.keys.sorted().compactMap { name in
                    byComponent[name].map { LineSeries(name: name.isEmpty ? "all" : name, points: $0) }
                }
            }
            var earliest = Double.infinity, latest = -Double.infinity
            for point in metrics {
                earliest = min(earliest, point.timestamp.timeIntervalSince1970)
                latest = max(latest, point.timestamp.timeIntervalSince1970)
            }
            let span = earliest...latest
            let events = (events + releaseEvents).filter { span.contains($0.x) }
            // The limits analysis applied: the site's thresholds with rollout.yaml's overrides, per component.
            let applied = (figures?.components ?? []).map { ($0.name, $0.thresholds.maxErrorRate * 100) }
            let distinct = Array(Set(applied.map(\.1))).sorted()
            let rollback: [Threshold] = distinct.count == 1
                ? [Threshold(label: "rollback at \(String(format: "%g", distinct[0]))%", value: distinct[0], tone: .critical)]
                : applied.map { Threshold(label: "\($0.0) rollback at \(String(format: "%g", $0.1))%", value: $0.1, tone: .critical) }
            let against = distinct.count == 1 ? " against the \(String(format: "%g", distinct[0]))% rollback threshold"
                : rollback.isEmpty ? "" : " against each component's rollback threshold"
            let errorSeries = series { $0.errorRate.map { $0 * 100 } }
            let latencySeries = series(\.latencyP99Ms)
            if !errorSeries.isEmpty { charts["rollout_error_rate"] = .line(LineChart(
                id: "\(prefix)-rollout-error-rate", title: "Error rate during the rollout",
                description: "Error rate over time\(against).",
                xLabel: "Time (UTC)", yLabel: "Error rate", xFormat: .dateTime, format: .percent(decimals: 1),
                series: errorSeries,
                thresholds: rollback,
                events: events)) }
            let limits = (figures?.series ?? []).compactMap { series in
                series.latencyLimitMs.map { Threshold(label: "\(series.component.map { "\($0) " } ?? "")limit", value: $0, tone: .warning) }
            }
            if !latencySeries.isEmpty { charts["rollout_latency"] = .line(LineChart(
                id: "\(prefix)-rollout-latency", title: "p99 latency during the rollout",
                description: "99th percentile latency over time" + (limits.isEmpty ? "." : " against the regression limit."),
                xLabel: "Time (UTC)", yLabel: "p99 latency", xFormat: .dateTime, format: .duration(.milliseconds),
                series: latencySeries,
                thresholds: limits,
                events: events)) }
        }
        return charts
    }
}
