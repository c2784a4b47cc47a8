import Foundation
import Testing
@testable import Flightdeck

@Suite("Experiment reader")
struct ExperimentReaderTests {
    @Test("invalid experiment files give the diagnostics next to them", arguments: OperationsFixtures.cases("experiments", "invalid"))
    func invalid(name: String) throws {
        try OperationsFixtures.checkInvalid("experiments", name) { release, log in _ = ExperimentReader.read(release, log: log) }
    }

    @Test func seedRecordsAreReadUnchanged() throws {
        let e = try OperationsFixtures.readValid("experiments", "seed-records", read: ExperimentReader.read)
        #expect(e.shape == .records && e.recordCount == 5)
        #expect(e.metrics.map(\.name) == ["processing_accuracy", "processing_time", "timeout_rate", "fallback_rate", "cost_per_invoice"])
        let time = e.metrics[1]
        #expect(time.kind == .continuous && time.better == .lower)
        #expect(time.control == VariantSample(n: 2, mean: 42, variance: 8))
        #expect(time.treatment == VariantSample(n: 3, mean: 31, variance: 21))
        #expect(e.metrics[0].control == VariantSample(successes: 1, n: 2))
        #expect(e.metrics[0].treatment == VariantSample(successes: 2, n: 3))
        #expect(e.metrics[0].primary && e.metrics[0].critical && e.metrics[2].critical && !e.metrics[3].critical)
        #expect(e.periodStart == Date(timeIntervalSince1970: 1_788_220_800.5))
        #expect(e.periodEnd == Date(timeIntervalSince1970: 1_788_235_200))
    }

    @Test func declaredMetricsAndFileSettings() throws {
        let e = try OperationsFixtures.readValid("experiments", "declared-object", read: ExperimentReader.read)
        #expect(e.name == "gemini-vs-document-ai" && e.confidence == 0.9 && e.minSampleSize == 2)
        #expect(e.metrics.map(\.name) == ["line_items", "processing_accuracy", "processing_successful"])
        #expect(e.metrics[0].treatment == VariantSample(n: 2, mean: 16, variance: 2))
        #expect(e.metrics[1].control == VariantSample(successes: 1, n: 2), "1/0 count as a proportion")
        #expect(e.metrics[2].critical && e.metrics[1].primary)
        #expect(e.periodStart == (try OperationsFixtures.instant("2026-09-01T09:00:00Z")))
        #expect(e.periodEnd == (try OperationsFixtures.instant("2026-09-02T10:00:00Z")))
    }

    @Test func aggregatesInJSON() throws {
        let e = try OperationsFixtures.readValid("experiments", "aggregates-json", read: ExperimentReader.read)
        #expect(e.shape == .aggregates)
        #expect(e.metrics.map(\.name) == ["pages_per_second", "processing_time", "processing_accuracy"], "declared first")
        #expect(e.metrics[1].control == VariantSample(n: 1500, mean: 41.2, variance: 8.1 * 8.1))
        #expect(e.metrics[2].treatment == VariantSample(successes: 1342, n: 1480))
    }

    @Test func aggregatesInCSV() throws {
        let e = try OperationsFixtures.readValid("experiments", "aggregates-csv", read: ExperimentReader.read)
        #expect(e.metrics.map(\.name) == ["processing_time", "timeout_rate", "nps"])
        #expect(e.metrics[1].kind == .proportion && e.metrics[1].critical)
        #expect(e.metrics[1].control == VariantSample(successes: 42, n: 2000))
        #expect(e.metrics[2].better == .higher && e.metrics[2].treatment == VariantSample(n: 310, mean: 29, variance: 156.25))
    }

    @Test func recordsInCSV() throws {
        let e = try OperationsFixtures.readValid("experiments", "records-csv", read: ExperimentReader.read)
        #expect(e.metrics.map(\.name) == ["processing_time", "timeout_rate", "fallback_rate"])
        #expect(e.metrics[0].treatment == VariantSample(n: 2, mean: 30.5, variance: 1.125))
        #expect(e.metrics[1].control == VariantSample(successes: 1, n: 2))
        #expect(e.recordCount == 4)
    }
}
