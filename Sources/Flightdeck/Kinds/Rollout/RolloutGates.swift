import FlightdeckCore

/// The five rollout gates (seeds 002 and 003), each judged on one stage with a reason in words.
enum RolloutGates {
    /// Every gate's verdict on a reached stage, in a fixed order.
    static func judge(_ stage: RolloutStage, durationMinutes: Double?, baselineP99: Double?,
                      thresholds t: RolloutThresholds) -> [RolloutGateResult] {
        var results: [RolloutGateResult] = []
        if let requests = stage.requests, let errors = stage.errors, requests > 0 {
            let success = Double(requests - errors) / Double(requests)
            let failure = Double(errors) / Double(requests)
            results.append(compare(.successRate, success, atLeast: true, t.minSuccessRate,
                                   "success rate \(FigureText.percent(success, against: t.minSuccessRate))", FigureText.percent(t.minSuccessRate, against: success)))
            results.append(compare(.errorRate, failure, atLeast: false, t.maxErrorRate,
                                   "error rate \(FigureText.percent(failure, against: t.maxErrorRate))", FigureText.percent(t.maxErrorRate, against: failure)))
        } else {
            let why = stage.requests == 0 ? "no requests in the stage" : "no request and error counts"
            results.append(noData(.successRate, t.minSuccessRate, why))
            results.append(noData(.errorRate, t.maxErrorRate, why))
        }
        if let requests = stage.requests {
            results.append(compare(.minOperations, Double(requests), atLeast: true, Double(t.minOperations),
                                   "\(requests) requests", "\(t.minOperations)"))
        } else {
            results.append(noData(.minOperations, Double(t.minOperations), "no request count"))
        }
        if let minutes = durationMinutes {
            results.append(compare(.timeInStage, minutes, atLeast: true, t.minStageMinutes,
                                   "\(FigureText.duration(minutes: minutes)) in stage", FigureText.duration(minutes: t.minStageMinutes)))
        } else {
            results.append(noData(.timeInStage, t.minStageMinutes, "no start time"))
        }
        if let p99 = stage.latencyP99Ms, let base = baselineP99, base > 0 {
            let regression = (p99 - base) / base
            results.append(compare(.latencyRegression, regression, atLeast: false, t.maxLatencyRegression,
                                   "p99 \(FigureText.number(p99)) ms is \(FigureText.signedPercent(regression, against: t.maxLatencyRegression)) vs baseline \(FigureText.number(base)) ms",
                                   FigureText.signedPercent(t.maxLatencyRegression, against: regression)))
        } else {
            let why = stage.latencyP99Ms == nil ? "no p99 latency for the stage" : "no baseline p99 latency"
            results.append(noData(.latencyRegression, t.maxLatencyRegression, why))
        }
        return results
    }

    private static func compare(_ gate: RolloutGateResult.Gate, _ observed: Double, atLeast: Bool, _ threshold: Double,
                                _ what: String, _ limit: String) -> RolloutGateResult {
        let pass = atLeast ? observed >= threshold : observed <= threshold
        let sign = atLeast ? (pass ? "≥" : "<") : (pass ? "≤" : ">")
        return RolloutGateResult(gate: gate, outcome: pass ? .pass : .fail, observed: observed, threshold: threshold,
                                 reason: "\(what) \(sign) \(limit)")
    }

    private static func noData(_ gate: RolloutGateResult.Gate, _ threshold: Double, _ why: String) -> RolloutGateResult {
        RolloutGateResult(gate: gate, outcome: .noData, observed: nil, threshold: threshold, reason: "not judged: \(why)")
    }
}
