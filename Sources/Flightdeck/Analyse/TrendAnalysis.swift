package import Foundation

/// Figures across releases, oldest first, for the home page.
package struct Trends: Sendable, Encodable {
    /// One release's headline numbers.
    package struct Point: Sendable, Codable, Equatable {
        /// The release id.
        package var id: String
        /// The release title.
        package var title: String
        /// The release date.
        package var date: Date?
        /// go, no_go or pending.
        package var decision: String
        /// Checklist completion in percent.
        package var checklistPercent: Double?
        /// Test success rate as a fraction.
        package var testSuccessRate: Double?
        /// Test cases run.
        package var testCount: Int?
        /// Incidents recorded.
        package var incidents: Int
        /// Incidents recorded per severity, SEV1 to SEV4 (four counts; empty without incident data).
        package var incidentsBySeverity: [Int] = []
        /// Mean time to resolve, in minutes.
        package var mttrMinutes: Double?
        /// The product (release.yaml `product`), whose trend line the release is on.
        package var product: String?
        /// p95 response time of all requests in the release's first load test that is not a baseline run, in ms.
        package var p95LatencyMs: Double?
        /// From the first rollout stage's start to the last component reaching 100% traffic, in minutes;
        /// only for a complete rollout.
        package var fullRolloutMinutes: Double?
    }

    /// One point per release, oldest first.
    package var points: [Point]
}

/// Pure computation of trends.
enum TrendAnalysis {
    /// One release's headline numbers.
    static func point(_ data: ReleaseData, _ figures: ReleaseFigures) -> Trends.Point {
        Trends.Point(id: data.release.id, title: data.release.title, date: data.release.date,
                     decision: figures.verdict.decision.rawValue, checklistPercent: figures[ChecklistKind.self]?.percent,
                     testSuccessRate: figures[TestsKind.self]?.successRate, testCount: figures[TestsKind.self]?.counts.total,
                     incidents: figures[IncidentsKind.self]?.count ?? 0,
                     incidentsBySeverity: figures[IncidentsKind.self]?.bySeverity.map(\.total) ?? [], mttrMinutes: figures[IncidentsKind.self]?.mttrMinutes,
                     product: data.release.product,
                     p95LatencyMs: data[PerformanceKind.self]?.loadTests.first { !$0.isBaseline }?.total?.p95Ms,
                     fullRolloutMinutes: figures[RolloutKind.self].flatMap(fullRolloutMinutes))
    }

    /// Minutes from the first stage's start to the moment every component had a stage at 100% traffic, for a
    /// complete rollout; nil otherwise or when a time is missing.
    static func fullRolloutMinutes(_ rollout: RolloutFigures) -> Double? {
        guard rollout.status == .complete, !rollout.components.isEmpty else { return nil }
        let starts = rollout.components.flatMap { $0.stages.compactMap(\.start) }
        var full: [Date] = []
        for component in rollout.components {
            guard let reached = component.stages.filter({ $0.trafficPercent >= 100 }).compactMap(\.start).min() else { return nil }
            full.append(reached)
        }
        guard let first = starts.min(), let last = full.max(), last >= first else { return nil }
        return last.timeIntervalSince(first) / 60
    }
}
