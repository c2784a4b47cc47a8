package import Foundation

/// One baseline job measurement: the seed collector's `BaselineMetric` record (seed 000).
package struct BaselineMetric: Sendable, Encodable, Equatable {
    /// When the job started.
    package var timestamp: Date
    /// The job's unique id.
    package var jobId: String
    /// The job's size class, e.g. small, medium, large.
    package var jobType: String
    /// Training iterations.
    package var iterations: Int
    /// Training trials.
    package var trials: Int
    /// Country (market) the job trained for.
    package var country: String
    /// Wall-clock minutes (0 for failed jobs).
    package var durationMinutes: Double
    /// CPU hours used.
    package var cpuHours: Double
    /// Memory GB-hours used.
    package var memoryGbHours: Double
    /// Estimated cost in dollars.
    package var costEstimate: Double
    /// Whether the job succeeded.
    package var success: Bool
    /// Why it failed, when it did.
    package var errorMessage: String?
}

/// baseline.json or baseline.csv: the baseline job measurements of a release.
package struct Baseline: Sendable, Encodable {
    /// The file they came from, relative to the site root.
    package var path: String
    /// The records in file order.
    package var metrics: [BaselineMetric]

    /// Wraps records read from a file.
    package init(path: String, metrics: [BaselineMetric]) {
        self.path = path
        self.metrics = metrics
    }
}
