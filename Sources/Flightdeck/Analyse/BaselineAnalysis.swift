import Foundation

/// Computes baseline figures (seed 000's baseline report): statistics over successful jobs per job type,
/// success rates over all jobs, and the optimisation-target rules.
package enum BaselineAnalysis {
    /// The order job types are listed in: the seed's three sizes, then the rest alphabetically.
    static let knownTypes = ["small", "medium", "large"]

    /// Computes the figures.
    package static func analyse(_ baseline: Baseline, thresholds: BaselineThresholds) -> BaselineFigures {
        let types = Set(baseline.metrics.map(\.jobType)).sorted { a, b in
            let ia = knownTypes.firstIndex(of: a) ?? knownTypes.count, ib = knownTypes.firstIndex(of: b) ?? knownTypes.count
            return ia != ib ? ia < ib : a < b
        }
        var byType: [String: [BaselineMetric]] = [:]
        for metric in baseline.metrics { byType[metric.jobType, default: []].append(metric) }
        let times = baseline.metrics.map(\.timestamp)
        let start = times.min(), end = times.max()
        let days = start.flatMap { s in end.map { e in dayNumber(e) - dayNumber(s) + 1 } }
        return BaselineFigures(
            path: baseline.path, periodStart: start, periodEnd: end, periodDays: days,
            overall: group(nil, baseline.metrics, thresholds),
            jobTypes: types.map { group($0, byType[$0] ?? [], thresholds) },
            thresholds: thresholds)
    }

    private static func dayNumber(_ date: Date) -> Int { Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }

    /// Figures of one group of jobs.
    static func group(_ jobType: String?, _ metrics: [BaselineMetric], _ thresholds: BaselineThresholds) -> BaselineGroupFigures {
        let successful = metrics.filter(\.success)
        let durations = successful.map(\.durationMinutes)
        let cpu = MeanSum(successful.map(\.cpuHours))
        let hours = Statistics.sum(durations) / 60
        let failureRate = Statistics.ratio(Double(metrics.count - successful.count), Double(metrics.count))
        let summary = Summary(durations)
        let efficiency = Statistics.ratio(cpu.sum, hours)
        return BaselineGroupFigures(
            jobType: jobType, jobs: metrics.count, successfulJobs: successful.count, failedJobs: metrics.count - successful.count,
            successRate: Statistics.ratio(Double(successful.count), Double(metrics.count)), failureRate: failureRate,
            durationMinutes: summary, cpuHours: cpu, memoryGbHours: MeanSum(successful.map(\.memoryGbHours)),
            costEstimate: MeanSum(successful.map(\.costEstimate)), trainingHours: hours, cpuEfficiency: efficiency,
            optimisationTargets: targets(meanDuration: summary.mean, efficiency: efficiency, failureRate: failureRate, thresholds))
    }

    /// The seed's three rules: mean duration above the limit, CPU efficiency below it, failure rate above it.
    static func targets(meanDuration: Double?, efficiency: Double?, failureRate: Double?, _ t: BaselineThresholds) -> [OptimisationTarget] {
        var found: [OptimisationTarget] = []
        if let meanDuration, meanDuration > t.maxMeanDurationMinutes {
            found.append(OptimisationTarget(rule: "duration", value: meanDuration, threshold: t.maxMeanDurationMinutes,
                                            message: "Duration reduction: mean duration \(fixed(meanDuration)) min exceeds \(fixed(t.maxMeanDurationMinutes)) min"))
        }
        if let efficiency, efficiency < t.minCPUEfficiency {
            found.append(OptimisationTarget(rule: "cpu_efficiency", value: efficiency, threshold: t.minCPUEfficiency,
                                            message: "CPU utilisation: \(fixed(efficiency)) CPU hours per hour is under \(fixed(t.minCPUEfficiency))"))
        }
        if let failureRate, failureRate > t.maxFailureRate {
            found.append(OptimisationTarget(rule: "reliability", value: failureRate, threshold: t.maxFailureRate,
                                            message: "Reliability: \(fixed(failureRate * 100))% failure rate exceeds \(fixed(t.maxFailureRate * 100))%"))
        }
        return found
    }

    /// One decimal, as the seed's report prints.
    static func fixed(_ value: Double) -> String { String(format: "%.1f", value) }
}
