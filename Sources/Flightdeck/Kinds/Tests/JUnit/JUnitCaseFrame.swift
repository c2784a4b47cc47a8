import Foundation

/// What the reader has gathered about a `<testcase>` (or `<testsuite>`) while inside it.
struct JUnitCaseFrame {
    /// A `<failure>`, `<error>`, `<skipped>` or flaky element: its attributes and (capped) body.
    struct Detail {
        var message: String?
        var type: String?
        var body = ""
    }

    var name: String
    var className: String?
    var time: Double?
    var file: String?
    var status: String?
    /// Eclipse's `ignored="true"`.
    var ignored = false
    var location: SourceLocation
    var properties: [TestProperty] = []
    var failure: Detail?
    var error: Detail?
    var skipped: Detail?
    /// The first `<flakyFailure>`/`<flakyError>`/`<rerunFailure>`/`<rerunError>`.
    var flaky: Detail?
    /// How many rerun markers the testcase holds.
    var reruns = 0
    var systemOut = ""
    var systemErr = ""
}

/// What the reader has gathered about a `<testsuite>`.
struct JUnitSuiteFrame {
    var name: String
    var location: SourceLocation
    var declared = JUnitTally.undeclared
    var time: Double?
    var timestamp: Date?
    var properties: [TestProperty] = []
    var cases: [TestCase] = []
    /// The testcase elements in this suite and nested ones, by outcome.
    var counted = JUnitTally()
    var order: Int
}

/// Testcases by outcome, as a runner declares them (`tests failures errors skipped`) or as counted.
struct JUnitTally: Equatable {
    var tests: Int? = 0
    var failures: Int? = 0
    var errors: Int? = 0
    var skipped: Int? = 0

    /// No count declared (a count that is nil is not compared).
    static let undeclared = JUnitTally(tests: nil, failures: nil, errors: nil, skipped: nil)

    /// Counts one testcase.
    mutating func add(_ outcome: TestOutcome) {
        tests = (tests ?? 0) + 1
        switch outcome {
        case .failed: failures = (failures ?? 0) + 1
        case .error: errors = (errors ?? 0) + 1
        case .skipped: skipped = (skipped ?? 0) + 1
        case .passed: break
        }
    }

    /// Adds the counts of a nested suite.
    mutating func add(_ other: JUnitTally) {
        tests = (tests ?? 0) + (other.tests ?? 0)
        failures = (failures ?? 0) + (other.failures ?? 0)
        errors = (errors ?? 0) + (other.errors ?? 0)
        skipped = (skipped ?? 0) + (other.skipped ?? 0)
    }

    /// The counts by attribute name, in the order they are reported.
    var named: [(String, Int?)] { [("tests", tests), ("failures", failures), ("errors", errors), ("skipped", skipped)] }
}

extension JUnitCaseFrame {
    /// The body of the `<failure>`, for capture.
    var failureBody: String { get { failure?.body ?? "" } set { failure?.body = newValue } }
    /// The body of the `<error>`, for capture.
    var errorBody: String { get { error?.body ?? "" } set { error?.body = newValue } }
    /// The body of the `<skipped>`, for capture.
    var skippedBody: String { get { skipped?.body ?? "" } set { skipped?.body = newValue } }
    /// The body of the first failed attempt before a rerun, for capture.
    var flakyBody: String { get { flaky?.body ?? "" } set { flaky?.body = newValue } }

    /// The normalised test case.
    func testCase(suite: String) -> TestCase {
        let outcome = JUnitDialect.outcome(self)
        let isFlaky = outcome == .passed && reruns > 0
        let detail: Detail? = switch outcome {
        case .error: error
        case .failed: failure
        case .skipped: skipped
        case .passed: isFlaky ? flaky : nil
        }
        let keepOutput = outcome.isFailing || isFlaky
        let trace = detail.map { JUnitDialect.trimmed($0.body) }.flatMap { $0.isEmpty ? nil : $0 }
        return TestCase(suite: suite, className: className, name: name, duration: time, outcome: outcome,
                        message: detail.flatMap(JUnitDialect.message), failureType: detail?.type,
                        trace: outcome == .skipped ? nil : trace, description: nil,
                        systemOut: keepOutput && !systemOut.isEmpty ? systemOut : nil,
                        systemErr: keepOutput && !systemErr.isEmpty ? systemErr : nil,
                        flaky: isFlaky, attempts: 1 + reruns, file: file, properties: properties)
    }
}
