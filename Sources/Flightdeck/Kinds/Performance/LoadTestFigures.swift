/// One load-test label against its reference: the same label in the release's baseline run, or else in the
/// previous release of the same product.
package struct LoadTestComparison: Sendable, Encodable {
    /// The label's figures in this release.
    package let figures: LoadTestLabel
    /// The same label's figures in the reference, when there is one.
    package let reference: LoadTestLabel?
    /// Where the reference comes from: `baseline` or `previous release`; nil without one.
    package let referenceSource: String?
    /// The reference's file.
    package let referencePath: String?
    /// (mean − reference) / reference.
    package let meanChange: Double?
    /// (p50 − reference) / reference.
    package let p50Change: Double?
    /// (p90 − reference) / reference.
    package let p90Change: Double?
    /// (p95 − reference) / reference (0.2 = 20% slower): what `max_p95_regression` limits.
    package let p95Change: Double?
    /// (p99 − reference) / reference.
    package let p99Change: Double?
    /// (throughput − reference) / reference.
    package let throughputChange: Double?
    /// error rate − reference error rate (0.01 = one point more).
    package let errorRateChange: Double?
    /// Within `max_error_rate` and `max_p95_regression`.
    package let passed: Bool
    /// Which limit it exceeds, in words.
    package let reasons: [String]
}

/// One load-test file's figures, labels compared.
package struct LoadTestRunFigures: Sendable, Encodable {
    /// The file.
    package let path: String
    /// The file within the release folder (`performance/k6.json`), as the page names it.
    package let file: String
    /// Its format id (`k6-summary`, `jmeter-jtl-csv`…).
    package let format: String
    /// The tool that wrote it.
    package let tool: String
    /// Where its percentiles come from, in a sentence for the page.
    package let percentileMethod: String
    /// Which percentiles it has and what the tool calls them.
    package let percentiles: [ReportedPercentile]
    /// What its labels were compared with, in a sentence for the page.
    package let comparedWith: String
    /// k6 checks that passed, when the file has them.
    package let checksPassed: Int?
    /// k6 checks that failed.
    package let checksFailed: Int?
    /// The aggregate first, then each label (on a page: at most `PageRows.limit`, failing first).
    package var labels: [LoadTestComparison]
    /// Labels a page leaves off (absent in summary.json, which has them all).
    package var labelsOmitted: Int? = nil
}

/// The figures of a release's load-test files (`performance/`), judged by `thresholds.performance`.
package struct LoadTestsFigures: Sendable, Encodable {
    /// Each file of this release, in path order (the baseline run's files left out).
    package var runs: [LoadTestRunFigures]
    /// The baseline run's files.
    package let baselinePaths: [String]
    /// Labels judged (aggregates included).
    package let labels: Int
    /// Labels within the limits.
    package let passed: Int
    /// Labels over a limit.
    package let failed: Int
    /// Labels compared with a reference.
    package let compared: Int
    /// Each label over a limit, with why: `GET /carts: p95 +35.0% against the baseline (limit +20.0%)`.
    package let failures: [String]
    /// The verdict's sentence.
    package let reason: String
}
