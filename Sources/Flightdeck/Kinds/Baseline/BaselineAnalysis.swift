import FlightdeckCore
import Foundation

/// Computes baseline figures (seed 000's baseline report): statistics over successful jobs per job type,
/// success rates over all jobs, and the optimisation-target rules.
package enum BaselineAnalysis {
    /// The order job types are listed in: the seed's three sizes, then the rest alphabetically.
    static let knownTypes = ["small", "medium", "large"]

    /// Computes the figures in one pass over the records (no copies of them).
    package static func analyse(_ baseline: Baseline, thresholds: BaselineThresholds) -> BaselineFigures {
        var overall = Accumulator()
        var names: [String] = [], groups: [Accumulator] = [], index: [String: Int] = [:]
        var last = -1
        var start: Date?, end: Date?
        for metric in baseline.metrics {
            overall.add(metric)
            // Few job types, usually in runs: try the last one, then the list, then (many types) a dictionary.
            var at = last >= 0 && names[last] == metric.jobType ? last : -1
            if at < 0 { at = names.count <= 16 ? names.firstIndex(of: metric.jobType) ?? -1 : index[metric.jobType] ?? -1 }
            if at < 0 {
                at = names.count
                names.append(metric.jobType)
                groups.append(Accumulator())
                index[metric.jobType] = at
            }
            groups[at].add(metric)
            last = at
            if start.map({ metric.timestamp < $0 }) ?? true { start = metric.timestamp }
            if end.map({ metric.timestamp > $0 }) ?? true { end = metric.timestamp }
        }
        let byType = Dictionary(uniqueKeysWithValues: zip(names, groups))
        let types = names.sorted { a, b in
            let ia = knownTypes.firstIndex(of: a) ?? knownTypes.count, ib = knownTypes.firstIndex(of: b) ?? knownTypes.count
            return ia != ib ? ia < ib : a < b
        }
        let days = start.flatMap { s in end.map { e in dayNumber(e) - dayNumber(s) + 1 } }
        return BaselineFigures(
            path: baseline.path, periodStart: start, periodEnd: end, periodDays: days,
            overall: overall.figures(nil, thresholds),
            jobTypes: types.compactMap { byType[$0]?.figures($0, thresholds) },
            thresholds: thresholds)
    }

    private static func dayNumber(_ date: Date) -> Int { Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }

    /// Running totals of one group of jobs; resources are summed over successful jobs, as the seed does.
    struct Accumulator {
        var jobs = 0
        var durations: [Double] = []
        var cpu = 0.0, memory = 0.0, cost = 0.0

        mutating func add(_ metric: BaselineMetric) {
            jobs += 1
            guard metric.success else { return }
            durations.append(metric.durationMinutes)
            cpu += metric.cpuHours
            memory += metric.memoryGbHours
            cost += metric.costEstimate
        }

        func figures(_ jobType: String?, _ thresholds: BaselineThresholds) -> BaselineGroupFigures {
            let successful = durations.count
            let summary = Summary(durations)
            let hours = Statistics.sum(durations) / 60
            let efficiency = Statistics.ratio(cpu, hours)
            let failureRate = Statistics.ratio(Double(jobs - successful), Double(jobs))
            func meanSum(_ total: Double) -> MeanSum { MeanSum(sum: total, mean: Statistics.ratio(total, Double(successful))) }
            return BaselineGroupFigures(
                jobType: jobType, jobs: jobs, successfulJobs: successful, failedJobs: jobs - successful,
                successRate: Statistics.ratio(Double(successful), Double(jobs)), failureRate: failureRate,
                durationMinutes: summary, cpuHours: meanSum(cpu), memoryGbHours: meanSum(memory), costEstimate: meanSum(cost),
                trainingHours: hours, cpuEfficiency: efficiency,
                optimisationTargets: targets(meanDuration: summary.mean, efficiency: efficiency, failureRate: failureRate, thresholds))
        }
    }

    /// The seed's three rules: mean duration above the limit, CPU efficiency below it, failure rate above it.
    static func targets(meanDuration: Double?, efficiency: Double?, failureRate: Double?, _ t: BaselineThresholds) -> [OptimisationTarget] {
        var found: [OptimisationTarget] = []
        if let meanDuration, meanDuration > t.maxMeanDurationMinutes {
            found.append(OptimisationTarget(rule: "duration", value: meanDuration, threshold: t.maxMeanDurationMinutes,
                                            message: "Duration reduction: mean duration \(FigureText.fixed(meanDuration, decimals: 1)) min exceeds \(FigureText.fixed(t.maxMeanDurationMinutes, decimals: 1)) min"))
        }
        if let efficiency, efficiency < t.minCPUEfficiency {
            found.append(OptimisationTarget(rule: "cpu_efficiency", value: efficiency, threshold: t.minCPUEfficiency,
                                            message: "CPU utilisation: \(FigureText.fixed(efficiency, decimals: 1)) CPU hours per hour is under \(FigureText.fixed(t.minCPUEfficiency, decimals: 1))"))
        }
        if let failureRate, failureRate > t.maxFailureRate {
            found.append(OptimisationTarget(rule: "reliability", value: failureRate, threshold: t.maxFailureRate,
                                            message: "Reliability: \(FigureText.fixed(failureRate * 100, decimals: 1))% failure rate exceeds \(FigureText.fixed(t.maxFailureRate * 100, decimals: 1))%"))
        }
        return found
    }

    /// One decimal, as the seed's report prints.
}
