import Flightdeck
import Foundation

/// The two measured paths, through the same package API `flightdeck build` uses.
enum IngestBenchmark {
    /// Reads a JUnit file (streaming) and computes the test figures.
    static func junit(_ url: URL) -> (total: Int, failed: Int, error: Int, skipped: Int, time: Double) {
        let log = DiagnosticLog()
        let file = ContentFile(path: url.lastPathComponent, url: url)
        guard let results = JUnitReader.read(file, log: log) else {
            FileHandle.standardError.write(Data((log.diagnostics.map(\.description).joined(separator: "\n") + "\n").utf8))
            exit(1)
        }
        let figures = TestAnalysis.analyse(TestResults(files: [results]), previous: nil, thresholds: TestThresholds())
        return (figures.counts.total, figures.counts.failed, figures.counts.error, figures.counts.skipped, figures.totalDuration)
    }

    /// Reads a baseline CSV and computes the baseline figures.
    static func baseline(_ url: URL) -> (rows: Int, successful: Int, cost: Double) {
        let log = DiagnosticLog()
        guard let baseline = BaselineReader.read(ContentFile(path: url.lastPathComponent, url: url), log: log), !log.hasErrors else {
            FileHandle.standardError.write(Data((log.diagnostics.prefix(5).map(\.description).joined(separator: "\n") + "\n").utf8))
            exit(1)
        }
        let figures = BaselineAnalysis.analyse(baseline, thresholds: BaselineThresholds())
        return (figures.overall.jobs, figures.overall.successfulJobs, figures.overall.costEstimate.sum)
    }
}
