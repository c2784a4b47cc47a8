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
    var location: SourceLocation
    var properties: [TestProperty] = []
    var failure: Detail?
    var error: Detail?
    var skipped: Detail?
    var flaky: Detail?
    var flakyAttempts = 0
    var reruns = 0
    var systemOut = ""
    var systemErr = ""
}

/// What the reader has gathered about a `<testsuite>`.
struct JUnitSuiteFrame {
    var name: String
    var location: SourceLocation
    var declared: [String: Int] = [:]
    var time: Double?
    var timestamp: Date?
    var properties: [TestProperty] = []
    var cases: [TestCase] = []
    /// Raw testcase elements in this suite and nested ones: tests, failures, errors, skipped.
    var counted: [String: Int] = ["tests": 0, "failures": 0, "errors": 0, "skipped": 0]
    var order: Int
}

extension JUnitCaseFrame {
    /// The body of the `<failure>`, for capture.
    var failureBody: String { get { failure?.body ?? "" } set { failure?.body = newValue } }
    /// The body of the `<error>`, for capture.
    var errorBody: String { get { error?.body ?? "" } set { error?.body = newValue } }
    /// The body of the `<skipped>`, for capture.
    var skippedBody: String { get { skipped?.body ?? "" } set { skipped?.body = newValue } }
    /// The body of the first flaky attempt, for capture.
    var flakyBody: String { get { flaky?.body ?? "" } set { flaky?.body = newValue } }

    /// The normalised test case.
    func testCase(suite: String) -> TestCase {
        let outcome = JUnitDialect.outcome(self)
        let detail: Detail? = switch outcome {
        case .error: error
        case .failed: failure
        case .flaky: flaky
        case .skipped: skipped
        case .passed: nil
        }
        let keepOutput = outcome != .passed && outcome != .skipped
        let trace = detail.map { JUnitDialect.trimmed($0.body) }.flatMap { $0.isEmpty ? nil : $0 }
        return TestCase(suite: suite, className: className, name: name, duration: time, outcome: outcome,
                        message: detail.flatMap(JUnitDialect.message), failureType: detail?.type,
                        trace: outcome == .skipped ? nil : trace, description: nil,
                        systemOut: keepOutput && !systemOut.isEmpty ? systemOut : nil,
                        systemErr: keepOutput && !systemErr.isEmpty ? systemErr : nil,
                        attempts: 1 + flakyAttempts + reruns, file: file, properties: properties)
    }
}
