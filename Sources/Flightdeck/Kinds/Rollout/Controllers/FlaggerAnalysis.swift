import FlightdeckCore

/// Flagger's `spec.analysis` as stages, a check and an analysis record.
enum FlaggerAnalysis {
    /// The weight stages and `promotion` at 100%. Weights come from `stepWeights`, else `stepWeight` steps up to
    /// `maxWeight` (default 100; the last step is capped at it); an analysis by `iterations` alone (A/B testing,
    /// blue-green) routes no weight: one stage `analysis` at 0%. Without `spec.analysis` the weights are unknown: one
    /// stage `analysis` at the reported `canaryWeight`.
    static func stages(_ analysis: ObjectReader?, canaryWeight: Double) -> [RolloutStage] {
        var weights: [Double] = []
        var detail: String?
        if let analysis {
            let maxWeight = analysis.percent("maxWeight") ?? 100
            if let list = analysis.list("stepWeights"), !list.isEmpty {
                weights = list.compactMap { ObjectReader.number($0) }.filter { (0...100).contains($0) }
            } else if let step = analysis.percent("stepWeight"), step > 0 {
                var weight = step
                while weight < maxWeight { weights.append(weight); weight += step }
                weights.append(maxWeight)
            } else {
                detail = analysis.count("iterations").map { "\($0) iterations; traffic routed by match rules, not by weight" }
                    ?? "no stepWeight or stepWeights in spec.analysis"
            }
        } else {
            detail = "weights unknown: the object has no spec.analysis"
        }
        var stages = weights.map { RolloutStage(name: "\(FigureText.number($0))%", trafficPercent: $0) }
        if stages.isEmpty {
            var stage = RolloutStage(name: "analysis", trafficPercent: analysis == nil ? canaryWeight : 0)
            stage.detail = detail
            stages = [stage]
        }
        var promotion = RolloutStage(name: "promotion", trafficPercent: 100)
        promotion.detail = "primary updated to the new version"
        return stages + [promotion]
    }

    /// The failed checks against the threshold: pass below it, fail at or above it (Flagger rolls back there).
    static func check(failedChecks: Int?, threshold: Int?, skipped: Bool) -> RolloutCheck {
        if skipped { return RolloutCheck(name: "failed checks", outcome: .noData, reason: "not judged: analysis skipped (spec.skipAnalysis)") }
        guard let threshold else {
            return RolloutCheck(name: "failed checks", outcome: .noData, reason: "not judged: no analysis threshold in the object (spec.analysis.threshold)")
        }
        guard let failed = failedChecks else {
            return RolloutCheck(name: "failed checks", outcome: .noData, reason: "not judged: no status.failedChecks")
        }
        let pass = failed < threshold
        return RolloutCheck(name: "failed checks", outcome: pass ? .pass : .fail,
                            reason: "\(failed) failed check\(failed == 1 ? "" : "s") \(pass ? "<" : "≥") threshold \(threshold) (Flagger analysis)")
    }

    /// The analysis as a record: its metrics with their threshold ranges (Flagger keeps no measurements).
    static func run(_ analysis: ObjectReader?, path: String, phase: String?) -> RolloutAnalysisRun {
        guard let analysis else { return RolloutAnalysisRun(name: "canary analysis", path: path, role: .canaryAnalysis, phase: phase) }
        let metrics = (analysis.list("metrics") ?? []).compactMap { element -> RolloutAnalysisMetric? in
            guard let m = ObjectReader(element, log: analysis.log, what: "each metric"),
                  let name = m.string("name", required: true) else { return nil }
            var metric = RolloutAnalysisMetric(name: name)
            metric.interval = m.string("interval")
            metric.provider = m.object("templateRef")?.string("name").map { "template \($0)" } ?? "builtin"
            if let range = m.object("thresholdRange") {
                metric.thresholdMin = range.double("min")
                metric.thresholdMax = range.double("max")
            } else if let threshold = m.double("threshold") {
                // The deprecated single threshold: a minimum for the success rate, a maximum for anything else.
                if name == "request-success-rate" { metric.thresholdMin = threshold } else { metric.thresholdMax = threshold }
            }
            return metric
        }
        return RolloutAnalysisRun(name: "canary analysis", path: path, role: .canaryAnalysis, phase: phase, metrics: metrics)
    }
}
