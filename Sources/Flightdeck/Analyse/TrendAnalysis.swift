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
        /// Mean time to resolve, in minutes.
        package var mttrMinutes: Double?
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
                     incidents: figures[IncidentsKind.self]?.count ?? 0, mttrMinutes: figures[IncidentsKind.self]?.mttrMinutes)
    }
}
