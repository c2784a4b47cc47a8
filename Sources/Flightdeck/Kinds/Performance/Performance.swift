/// One performance-test result: the seed tester's `TestResult` record (seed 000).
package struct PerformanceResult: Sendable, Encodable {
    /// The test's name.
    package var testName: String
    /// Whether it succeeded.
    package var success: Bool
    /// Wall-clock minutes (0 for failed tests).
    package var durationMinutes: Double
    /// Jobs per hour.
    package var throughputJobsPerHour: Double
    /// expected duration / actual duration (> 1 is faster than expected).
    package var resourceEfficiency: Double
    /// Estimated cost in dollars.
    package var costEstimate: Double
    /// Why it failed.
    package var errorMessage: String?
}

/// A performance-test definition: the seed tester's `PerformanceTest` (seed 000).
package struct PerformanceTestDefinition: Sendable, Encodable {
    /// The test's name (matches a result's `test_name`).
    package var name: String
    /// The baseline job type it compares with.
    package var jobType: String
    /// Training iterations.
    package var iterations: Int?
    /// Training trials.
    package var trials: Int?
    /// Expected minutes.
    package var expectedDurationMin: Double?
    /// Jobs run at once (1 = a single job).
    package var parallelJobs: Int
}

/// An operation timed on the old and the new system (seed 002's ComparisonTester).
package struct OperationComparison: Sendable, Encodable {
    /// The operation's name.
    package var operation: String {
        get { name.string }
        set { name = StoredText(newValue) }
    }
    /// `operation`, kept in the reader's `TextStore`: a comparisons file may hold millions of operations.
    private var name: StoredText
    /// Seconds on the old system.
    package var oldDuration: Double
    /// Seconds on the new system.
    package var newDuration: Double
    /// Peak memory on the old system, MB.
    @StoredAsNaN package var oldMemoryMb: Double?
    /// Peak memory on the new system, MB.
    @StoredAsNaN package var newMemoryMb: Double?

    package init(operation: String, oldDuration: Double, newDuration: Double, oldMemoryMb: Double? = nil, newMemoryMb: Double? = nil) {
        self.init(operation: StoredText(operation), oldDuration: oldDuration, newDuration: newDuration, oldMemoryMb: oldMemoryMb,
                  newMemoryMb: newMemoryMb)
    }

    /// A comparison whose name a reader keeps in its `TextStore`.
    package init(operation: StoredText, oldDuration: Double, newDuration: Double, oldMemoryMb: Double?, newMemoryMb: Double?) {
        name = operation
        self.oldDuration = oldDuration
        self.newDuration = newDuration
        self.oldMemoryMb = oldMemoryMb
        self.newMemoryMb = newMemoryMb
    }

    private enum CodingKeys: String, CodingKey { case operation, oldDuration, newDuration, oldMemoryMb, newMemoryMb }

    /// As a synthesised encoding would: an absent memory figure left out.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(operation, forKey: .operation)
        try container.encode(oldDuration, forKey: .oldDuration)
        try container.encode(newDuration, forKey: .newDuration)
        try container.encodeIfPresent(oldMemoryMb, forKey: .oldMemoryMb)
        try container.encodeIfPresent(newMemoryMb, forKey: .newMemoryMb)
    }
}

/// performance.json or performance.csv: performance-test results, definitions and/or operation comparisons;
/// and the load-test tools' own files in `performance/`.
package struct Performance: Sendable, Encodable {
    /// The file they came from (the `performance/` folder when the release has only load-test files).
    package var path: String
    /// Test definitions (optional).
    package var definitions: [PerformanceTestDefinition] = []
    /// Test results.
    package var results: [PerformanceResult] = []
    /// Old/new operation comparisons.
    package var comparisons: [OperationComparison] = []
    /// Load-test tools' files from `performance/` (baseline runs included), in path order.
    package var loadTests: [LoadTestRun] = []

    private enum CodingKeys: String, CodingKey {
        case path, definitions, results, comparisons, loadTests
    }

    /// Encodes the members; `load_tests` only when there are some, so a release without them exports as before.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(definitions, forKey: .definitions)
        try container.encode(results, forKey: .results)
        try container.encode(comparisons, forKey: .comparisons)
        if !loadTests.isEmpty { try container.encode(loadTests, forKey: .loadTests) }
    }
}
