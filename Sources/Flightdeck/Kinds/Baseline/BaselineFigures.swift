package import Foundation

/// Mean and sum of one resource over a set of jobs.
package struct MeanSum: Sendable, Encodable, Equatable {
    /// The mean per job; nil for no jobs.
    package let mean: Double?
    /// The total.
    package let sum: Double

    /// Computes both.
    package init(_ values: [Double]) {
        sum = Statistics.sum(values)
        mean = Statistics.mean(values)
    }

    /// From a total already summed over `mean`'s count.
    package init(sum: Double, mean: Double?) {
        self.sum = sum
        self.mean = mean
    }
}

/// One optimisation target that a baseline rule found (seed 000).
package struct OptimisationTarget: Sendable, Encodable, Equatable {
    /// Which rule: `duration`, `cpu_efficiency` or `reliability`.
    package let rule: String
    /// The measured value the rule compared.
    package let value: Double
    /// The configured limit.
    package let threshold: Double
    /// A sentence for the report.
    package let message: String
}

/// The figures of a group of baseline jobs: one job type, or all of them.
package struct BaselineGroupFigures: Sendable, Encodable {
    /// The job type, or nil for the whole baseline.
    package let jobType: String?
    /// All jobs, successful or not.
    package let jobs: Int
    /// Jobs with success = true.
    package let successfulJobs: Int
    /// Jobs with success = false.
    package let failedJobs: Int
    /// successfulJobs / jobs (0–1); nil for no jobs.
    package let successRate: Double?
    /// failedJobs / jobs (0–1); nil for no jobs.
    package let failureRate: Double?
    /// Duration in minutes over successful jobs.
    package let durationMinutes: Summary
    /// CPU hours over successful jobs.
    package let cpuHours: MeanSum
    /// Memory GB-hours over successful jobs.
    package let memoryGbHours: MeanSum
    /// Cost over successful jobs.
    package let costEstimate: MeanSum
    /// Σ duration of successful jobs / 60.
    package let trainingHours: Double
    /// Σ cpu_hours / Σ duration hours of successful jobs (average busy vCPUs); nil when no time was measured.
    package let cpuEfficiency: Double?
    /// The optimisation rules this group trips.
    package let optimisationTargets: [OptimisationTarget]
}

/// Figures computed from a baseline.
package struct BaselineFigures: Sendable, Encodable {
    /// The file the figures come from.
    package let path: String
    /// The earliest job start.
    package let periodStart: Date?
    /// The latest job start.
    package let periodEnd: Date?
    /// Calendar days (UTC) from the first to the last job, both included.
    package let periodDays: Int?
    /// All jobs together.
    package let overall: BaselineGroupFigures
    /// One entry per job type: small, medium, large first, then others alphabetically.
    package let jobTypes: [BaselineGroupFigures]
    /// The thresholds the targets were judged against.
    package let thresholds: BaselineThresholds
}
