import FlightdeckCore
import Foundation

/// Pure computation of RolloutFigures: stage rates, gate verdicts, current stage and traffic, status.
package enum RolloutAnalysis {
    /// Computes the figures; `thresholds` are the site's, overridden by the file's and each component's gates.
    package static func analyse(_ rollout: Rollout, thresholds: RolloutThresholds) -> RolloutFigures {
        let asOf = rollout.asOf ?? latestInstant(in: rollout)
        let fileThresholds = thresholds.applying(rollout.gates)
        let components = rollout.components.map {
            component($0, thresholds: fileThresholds.applying($0.gates), asOf: asOf)
        }
        let statuses = components.map(\.status)
        let reached = components.flatMap(\.stages).filter { $0.status != .planned }
        let status: RolloutStatus = statuses.contains(.rolledBack) ? .rolledBack
            : statuses.contains(.failed) ? .failed
            : statuses.contains(.paused) ? .paused
            : !statuses.isEmpty && statuses.allSatisfy({ $0 == .complete }) ? .complete : .inProgress
        return RolloutFigures(status: status, asOf: asOf, components: components,
                              rollbackCount: components.reduce(0) { $0 + $1.rollbacks.count },
                              allGatesPassed: !reached.isEmpty && reached.allSatisfy { $0.passed == true },
                              series: RolloutSeries.figures(rollout, components: components, fileThresholds: fileThresholds))
    }

    /// Whether a stage was reached: as its controller reported, else when it has a start.
    static func isReached(_ stage: RolloutStage) -> Bool {
        stage.reported.map { $0 != .planned } ?? (stage.start != nil)
    }

    private static func component(_ c: RolloutComponent, thresholds: RolloutThresholds, asOf: Date?) -> RolloutComponentFigures {
        let reached = c.stages.indices.filter { isReached(c.stages[$0]) }
        // The latest start; stages a controller reported without times count in list order.
        let current = reached.max { (c.stages[$0].start ?? .distantPast, $0) < (c.stages[$1].start ?? .distantPast, $1) }
        let rollbacks = c.events.filter(\.isRollback)
        var rolledBackStages = Set<Int>()
        for event in rollbacks {
            let during = reached.filter { (c.stages[$0].start ?? .distantFuture) <= event.at }
            if let stage = during.max(by: { (c.stages[$0].start ?? .distantPast, $0) < (c.stages[$1].start ?? .distantPast, $1) }) {
                rolledBackStages.insert(stage)
            }
        }
        var status = RolloutStatus.inProgress
        for event in c.events {
            switch event.kind {
            case .rollback, .emergencyRollback: status = .rolledBack
            case .pause: status = .paused
            case .advance, .resume: status = .inProgress
            }
        }
        if status == .inProgress, let last = c.stages.last, last.trafficPercent == 100, last.start != nil, last.end != nil {
            status = .complete
        }
        // A controller's own word on where its rollout stands wins over the events mapped from it.
        if let reported = c.source?.status { status = reported }
        var traffic = current.map { c.stages[$0].trafficPercent } ?? 0
        if status == .rolledBack {
            let target = rollbacks.last?.stage.flatMap { name in c.stages.first { $0.name == name } }
            traffic = target?.trafficPercent ?? 0
        }
        let stages = c.stages.enumerated().map { index, stage in
            stageFigures(stage, asOf: asOf, baselineP99: c.baselineLatencyP99Ms, thresholds: thresholds,
                         rolledBack: rolledBackStages.contains(index))
        }
        return RolloutComponentFigures(
            name: c.name, status: status, thresholds: thresholds,
            currentStage: current.map { c.stages[$0].name }, currentTrafficPercent: traffic,
            timeInStageMinutes: current.flatMap { stages[$0].durationMinutes },
            timeInStageText: current.flatMap { stages[$0].durationMinutes }.map(FigureText.duration(minutes:)),
            minStageText: FigureText.duration(minutes: thresholds.minStageMinutes),
            stages: stages, rollbacks: rollbacks,
            totalRequests: c.stages.reduce(0) { $0 + ($1.requests ?? 0) },
            totalErrors: c.stages.reduce(0) { $0 + ($1.errors ?? 0) },
            source: c.source)
    }

    private static func stageFigures(_ stage: RolloutStage, asOf: Date?, baselineP99: Double?,
                                     thresholds: RolloutThresholds, rolledBack: Bool) -> RolloutStageFigures {
        var minutes: Double?
        if let start = stage.start, let until = stage.end ?? asOf, until >= start {
            minutes = until.timeIntervalSince(start) / 60
        }
        let derived: RolloutStageFigures.Status = stage.start == nil ? .planned : rolledBack ? .rolledBack : stage.end == nil ? .active : .completed
        var figures = RolloutStageFigures(
            name: stage.name, trafficPercent: stage.trafficPercent, status: stage.reported ?? derived, detail: stage.detail,
            start: stage.start, end: stage.end, durationMinutes: minutes, requests: stage.requests, errors: stage.errors,
            latencyP50Ms: stage.latencyP50Ms, latencyP99Ms: stage.latencyP99Ms, gates: [])
        if let requests = stage.requests, let errors = stage.errors, requests > 0 {
            figures.successRate = Double(requests - errors) / Double(requests)
            figures.errorRate = Double(errors) / Double(requests)
        }
        if let p99 = stage.latencyP99Ms, let base = baselineP99, base > 0 { figures.latencyRegression = (p99 - base) / base }
        guard isReached(stage) else { return figures }
        figures.gates = RolloutGates.judge(stage, durationMinutes: minutes, baselineP99: baselineP99, thresholds: thresholds)
            + stage.checks.map { RolloutGateResult(gate: .analysis, name: $0.name, outcome: $0.outcome, observed: nil, threshold: nil, reason: $0.reason) }
        let judged = figures.gates.filter { $0.outcome != .noData }
        figures.passed = judged.isEmpty ? nil : judged.allSatisfy { $0.outcome == .pass }
        return figures
    }

    /// The latest instant anywhere in the rollout, the default "now" for time in stage.
    static func latestInstant(in rollout: Rollout) -> Date? {
        var dates: [Date] = rollout.metrics.map(\.timestamp)
        for c in rollout.components {
            dates += c.stages.flatMap { [$0.start, $0.end].compactMap { $0 } } + c.events.map(\.at)
        }
        if let updated = rollout.controller?.lastUpdated { dates.append(updated) }
        dates += rollout.components.compactMap { $0.source?.latestInstant }
        return dates.max()
    }
}
