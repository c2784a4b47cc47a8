import FlightdeckCore
import Foundation

/// Pure computation of IncidentFigures.
package enum IncidentAnalysis {
    /// Computes durations per incident and the release's means and counts.
    package static func analyse(_ incidents: Incidents) -> IncidentFigures {
        let times = incidents.incidents.map { i in
            let acknowledge = minutes(i.detected ?? i.started, i.acknowledged)
            let detect = minutes(i.started, i.detected), mitigate = minutes(i.started, i.mitigated), resolve = minutes(i.started, i.resolved)
            return IncidentTimes(id: i.id, severity: i.severity, status: i.status, isOpen: !i.status.isClosed,
                                 timeToDetectMinutes: detect, timeToAcknowledgeMinutes: acknowledge, timeToMitigateMinutes: mitigate, timeToResolveMinutes: resolve,
                                 timeToDetectText: detect.map(FigureText.duration(minutes:)),
                                 timeToAcknowledgeText: acknowledge.map(FigureText.duration(minutes:)),
                                 timeToMitigateText: mitigate.map(FigureText.duration(minutes:)),
                                 timeToResolveText: resolve.map(FigureText.duration(minutes:)),
                                 actionItems: i.actionItems.count, openActionItems: i.actionItems.count(where: { !$0.done }))
        }
        let mtta = mean(times.compactMap(\.timeToAcknowledgeMinutes))
        let mttd = mean(times.compactMap(\.timeToDetectMinutes)), mttm = mean(times.compactMap(\.timeToMitigateMinutes))
        let mttr = mean(times.compactMap(\.timeToResolveMinutes))
        let bySeverity = Incident.Severity.allCases.map { level in
            SeverityCount(severity: level, total: times.count(where: { $0.severity == level }),
                          open: times.count(where: { $0.severity == level && $0.isOpen }))
        }
        return IncidentFigures(
            incidents: times, count: times.count, openCount: times.filter(\.isOpen).count,
            openMajor: times.count(where: { $0.isOpen && $0.severity <= .sev2 }), bySeverity: bySeverity,
            mttdMinutes: mttd, mttaMinutes: mtta, mttaText: mtta.map(FigureText.duration(minutes:)), mttmMinutes: mttm, mttrMinutes: mttr,
            mttdText: mttd.map(FigureText.duration(minutes:)), mttmText: mttm.map(FigureText.duration(minutes:)),
            mttrText: mttr.map(FigureText.duration(minutes:)),
            rollbacksTriggered: incidents.incidents.filter(\.rollbackTriggered).count,
            openActionItems: times.reduce(0) { $0 + $1.openActionItems },
            worstOpenSeverity: times.filter(\.isOpen).map(\.severity).min())
    }

    private static func minutes(_ from: Date, _ to: Date?) -> Double? {
        to.map { $0.timeIntervalSince(from) / 60 }
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
