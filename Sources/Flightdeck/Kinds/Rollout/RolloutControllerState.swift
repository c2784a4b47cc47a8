package import Foundation

/// The seed rollout controller's saved state (seed 002 `_save_state`), kept as read.
package struct RolloutControllerState: Sendable, Encodable {
    /// One component's entry.
    package struct Component: Sendable, Encodable {
        /// The component's name (the key in `configs`).
        package var name: String
        /// `configs.<c>.start_date`.
        package var startDate: Date?
        /// `configs.<c>.stage_duration_days`.
        package var stageDurationDays: Double?
        /// `configs.<c>.auto_advance`.
        package var autoAdvance: Bool?
        /// `configs.<c>.success_threshold`, a fraction.
        package var successThreshold: Double?
        /// `configs.<c>.error_threshold`, a fraction.
        package var errorThreshold: Double?
        /// `current_stages.<c>`: the stage name as the controller writes it.
        package var currentStage: String
        /// The traffic percent that stage stands for.
        package var trafficPercent: Double
        /// `metrics.<c>.success_count` since the stage started.
        package var successCount: Int?
        /// `metrics.<c>.error_count` since the stage started.
        package var errorCount: Int?
        /// `metrics.<c>.stage_started`.
        package var stageStarted: Date?
        /// Where `current_stages.<c>` was written, for cross-check warnings (not exported).
        package var location: SourceLocation?

        private enum CodingKeys: String, CodingKey {
            case name, startDate, stageDurationDays, autoAdvance, successThreshold, errorThreshold
            case currentStage, trafficPercent, successCount, errorCount, stageStarted
        }
    }

    /// The file it was read from.
    package var path: String
    /// `last_updated`.
    package var lastUpdated: Date?
    /// Components sorted by name.
    package var components: [Component]

    /// The traffic percent of each stage name the seed controllers use (seed 002 and seed 004).
    package static let stagePercents: [(name: String, percent: Double)] = [
        ("testing", 0), ("canary", 5), ("early_adopters", 25), ("general_availability", 50),
        ("full_rollout", 100), ("complete", 100),
        ("disabled", 0), ("initial", 5), ("expanded", 25), ("majority", 50), ("full", 100),
    ]
}
