import Foundation
import Testing
@testable import Flightdeck

@Suite("Experiment analysis")
struct ExperimentAnalysisTests {
    private func metric(_ name: String, _ kind: ExperimentMetric.Kind, better: ExperimentMetric.Direction,
                        primary: Bool = false, critical: Bool = false,
                        control: VariantSample, treatment: VariantSample) -> ExperimentMetric {
        ExperimentMetric(name: name, kind: kind, better: better, primary: primary, critical: critical, control: control, treatment: treatment)
    }

    private let faster = VariantSample(n: 1500, mean: 41.2, variance: 65.61)
    private let slower = VariantSample(n: 1480, mean: 33.0, variance: 88.36)

    @Test func aggregatesGiveTheTestsScipyGives() throws {
        let e = try OperationsFixtures.readValid("experiments", "aggregates-json", read: ExperimentReader.read)
        let f = ExperimentAnalysis.analyse(e, thresholds: ExperimentThresholds())
        #expect(f.confidence == 0.95 && f.minSampleSize == 100)
        let time = try #require(f.metrics.first { $0.name == "processing_time" })
        let welch = try #require(Significance.welch(control: SampleSummary(n: 1500, mean: 41.2, variance: 8.1 * 8.1),
                                                    treatment: SampleSummary(n: 1480, mean: 33.0, variance: 9.4 * 9.4), confidence: 0.95))
        #expect(time.test == .welchT && time.pValue == welch.p && time.ciLow == welch.ciLow && time.statistic == welch.t)
        #expect(time.significant && time.effect == .improvement, "lower time is better")
        #expect(time.controlStd == 8.1 && time.difference == 33.0 - 41.2)
        // The accuracy case is the "accuracy" vector of Fixtures/stats/chi2.json: p = 0.004286251432928457.
        let accuracy = try #require(f.metrics.first { $0.name == "processing_accuracy" })
        #expect(accuracy.test == .chiSquareYates && accuracy.degreesOfFreedom == 1 && accuracy.yatesCorrection == true)
        #expect(time.yatesCorrection == nil)
        #expect(abs((accuracy.pValue ?? 0) - 0.004286251432928457) < 1e-15)
        #expect(accuracy.effect == .improvement)
        #expect(f.significantImprovements == ["processing_time", "processing_accuracy"])
        #expect(f.recommendation.code == .proceedWithRollout)
        #expect(f.recommendation.reason == "Significant processing_accuracy improvement without critical regressions")
        let pages = try #require(f.metrics.first)
        #expect(pages.name == "pages_per_second" && !pages.significant && pages.effect == .none)
        #expect(pages.reason.hasPrefix("p = 0.2") && pages.reason.hasSuffix("≥ 0.05"))
    }

    @Test func criticalRegressionMeansDoNotRollout() {
        let e = Experiments(path: "x", shape: .aggregates, metrics: [
            metric("processing_time", .continuous, better: .lower, control: slower, treatment: faster),
            metric("timeout_rate", .proportion, better: .lower, critical: true,
                   control: VariantSample(successes: 18, n: 2100), treatment: VariantSample(successes: 42, n: 2000)),
        ])
        let f = ExperimentAnalysis.analyse(e, thresholds: ExperimentThresholds())
        #expect(f.significantRegressions == ["processing_time", "timeout_rate"], "a higher timeout rate is worse, not better")
        #expect(f.recommendation.code == .doNotRollout)
        #expect(f.recommendation.reason == "Critical regressions in: timeout_rate")
    }

    @Test func moreImprovementsThanRegressionsIsCaution() {
        let e = Experiments(path: "x", shape: .aggregates, metrics: [
            metric("processing_time", .continuous, better: .lower, control: faster, treatment: slower),
            metric("processing_accuracy", .proportion, better: .higher, primary: true, critical: true,
                   control: VariantSample(successes: 1310, n: 1500), treatment: VariantSample(successes: 1300, n: 1480)),
        ])
        let f = ExperimentAnalysis.analyse(e, thresholds: ExperimentThresholds())
        #expect(f.significantImprovements == ["processing_time"] && f.significantRegressions.isEmpty)
        #expect(f.recommendation.code == .proceedWithCaution)
    }

    @Test func smallSamplesAreNeverSignificant() {
        let e = Experiments(path: "x", shape: .aggregates, minSampleSize: 2000, metrics: [
            metric("processing_time", .continuous, better: .lower, control: faster, treatment: slower),
        ])
        let f = ExperimentAnalysis.analyse(e, thresholds: ExperimentThresholds())
        #expect(f.minSampleSize == 2000)
        #expect(f.metrics[0].pValue != nil && !f.metrics[0].significant)
        #expect(f.metrics[0].reason == "insufficient sample size (need 2000, have 1500/1480)")
        #expect(f.recommendation.code == .holdCurrentStage)
    }

    @Test func fileConfidenceOverridesTheSite() throws {
        let e = try OperationsFixtures.readValid("experiments", "declared-object", read: ExperimentReader.read)
        let f = ExperimentAnalysis.analyse(e, thresholds: ExperimentThresholds())
        #expect(f.confidence == 0.9 && f.minSampleSize == 2)
        let items = try #require(f.metrics.first)
        let expected = try #require(Significance.welch(control: SampleSummary([10, 12]), treatment: SampleSummary([15, 17]), confidence: 0.9))
        #expect(items.pValue == expected.p && items.ciHigh == expected.ciHigh)
        #expect(f.recordCount == 4)
    }

    @Test func constantSamplesGiveNoTestAndNoNaN() throws {
        let e = Experiments(path: "x", shape: .aggregates, minSampleSize: 1, metrics: [
            metric("cost", .continuous, better: .lower, control: VariantSample(values: [1, 1, 1]), treatment: VariantSample(values: [1, 1])),
            metric("ok", .proportion, better: .higher, control: VariantSample(successes: 3, n: 3), treatment: VariantSample(successes: 2, n: 2)),
        ])
        let f = ExperimentAnalysis.analyse(e, thresholds: ExperimentThresholds())
        #expect(f.metrics.allSatisfy { $0.pValue == nil && $0.ciLow == nil && !$0.significant })
        let json = String(decoding: try JSONEncoder().encode(f), as: UTF8.self)
        #expect(!json.contains("nan") && !json.contains("inf"))
    }
}
