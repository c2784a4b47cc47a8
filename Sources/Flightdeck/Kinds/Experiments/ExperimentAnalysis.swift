import FlightdeckCore
import Foundation

/// Pure computation of ExperimentFigures: Welch or chi-square per metric, significance, the seed's recommendation.
package enum ExperimentAnalysis {
    /// Computes the figures; the file's confidence and minimum sample size override `thresholds`.
    package static func analyse(_ experiments: Experiments, thresholds: ExperimentThresholds) -> ExperimentFigures {
        let confidence = experiments.confidence ?? thresholds.confidence
        let minimum = experiments.minSampleSize ?? thresholds.minSampleSize
        let metrics = experiments.metrics.map { figures($0, confidence: confidence, minimum: minimum) }
        let improvements = metrics.filter { $0.effect == .improvement }.map(\.name)
        let regressions = metrics.filter { $0.effect == .regression }.map(\.name)
        return ExperimentFigures(
            confidence: confidence, minSampleSize: minimum, metrics: metrics,
            significantImprovements: improvements, significantRegressions: regressions,
            recommendation: recommend(metrics, improvements: improvements, regressions: regressions),
            recordCount: experiments.recordCount, periodStart: experiments.periodStart, periodEnd: experiments.periodEnd)
    }

    private static func figures(_ m: ExperimentMetric, confidence: Double, minimum: Int) -> ExperimentMetricFigures {
        var f = ExperimentMetricFigures(
            name: m.name, kind: m.kind, better: m.better, primary: m.primary, critical: m.critical,
            controlN: m.control.n, treatmentN: m.treatment.n, controlMean: m.control.mean, treatmentMean: m.treatment.mean,
            test: m.kind == .continuous ? .welchT : .chiSquareYates, yatesCorrection: m.kind == .proportion ? true : nil,
            sampleSizeSufficient: m.control.n >= minimum && m.treatment.n >= minimum, significant: false, effect: .none, reason: "")
        if let c = m.control.mean, let t = m.treatment.mean {
            f.difference = t - c
            f.relativeDifference = c != 0 ? (t - c) / abs(c) : nil
        }
        switch m.kind {
        case .continuous:
            f.controlStd = m.control.summary.standardDeviation
            f.treatmentStd = m.treatment.summary.standardDeviation
            if let test = Significance.welch(control: m.control.summary, treatment: m.treatment.summary, confidence: confidence) {
                (f.statistic, f.degreesOfFreedom, f.pValue, f.ciLow, f.ciHigh) = (test.t, test.df, test.p, test.ciLow, test.ciHigh)
            }
        case .proportion:
            if let cs = m.control.successes, let ts = m.treatment.successes,
               let test = Significance.chiSquare(controlSuccesses: cs, controlN: m.control.n, treatmentSuccesses: ts,
                                                 treatmentN: m.treatment.n, confidence: confidence) {
                (f.statistic, f.degreesOfFreedom, f.pValue, f.ciLow, f.ciHigh) = (test.chiSquare, 1, test.p, test.ciLow, test.ciHigh)
            }
        }
        let alpha = 1 - confidence
        guard f.sampleSizeSufficient else {
            f.reason = "insufficient sample size (need \(minimum), have \(m.control.n)/\(m.treatment.n))"
            return f
        }
        guard let p = f.pValue, let difference = f.difference else {
            f.reason = "no test possible (\(m.kind == .continuous ? "no variance in either variant" : "no successes or no failures at all"))"
            return f
        }
        f.significant = p < alpha
        if f.significant, difference != 0 {
            let better = (difference > 0) == (m.better == .higher)
            f.effect = better ? .improvement : .regression
        }
        f.reason = "p = \(pText(p)) \(f.significant ? "<" : "≥") \(FigureText.number(alpha, decimals: 4))"
            + (f.effect == .none ? "" : f.effect == .improvement ? ", treatment better" : ", treatment worse")
        return f
    }

    /// Seed 004's `generate_rollout_recommendation`, with improvement and regression judged by each metric's direction.
    private static func recommend(_ metrics: [ExperimentMetricFigures], improvements: [String],
                                  regressions: [String]) -> ExperimentRecommendation {
        let critical = Set(metrics.filter(\.critical).map(\.name))
        let criticalRegressions = regressions.filter(critical.contains)
        if !criticalRegressions.isEmpty {
            return .init(code: .doNotRollout, reason: "Critical regressions in: \(criticalRegressions.joined(separator: ", "))",
                         action: "Fix issues before proceeding")
        }
        if let primary = metrics.first(where: { $0.primary && improvements.contains($0.name) }) {
            return .init(code: .proceedWithRollout, reason: "Significant \(primary.name) improvement without critical regressions",
                         action: "Continue gradual rollout to next stage")
        }
        if improvements.count > regressions.count {
            return .init(code: .proceedWithCaution, reason: "More improvements than regressions, but monitor closely",
                         action: "Continue rollout with enhanced monitoring")
        }
        return .init(code: .holdCurrentStage, reason: "Insufficient evidence for rollout decision",
                     action: "Collect more data or investigate issues")
    }

    private static func pText(_ p: Double) -> String {
        p >= 0.001 ? String(format: "%.4f", p) : p == 0 ? "0" : String(format: "%.2e", p)
    }
}
