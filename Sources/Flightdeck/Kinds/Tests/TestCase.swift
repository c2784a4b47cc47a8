/// How one test ended.
package enum TestOutcome: String, Sendable, Encodable, CaseIterable {
    /// Ran and passed.
    case passed
    /// An assertion failed (JUnit `<failure>`, seed status FAIL).
    case failed
    /// The test could not run properly: an unexpected exception (JUnit `<error>`, seed status ERROR).
    case error
    /// Not run (JUnit `<skipped>`, ctest/googletest disabled or not run, Eclipse ignored).
    case skipped

    /// Whether the outcome counts as failing (failed or error).
    package var isFailing: Bool { self == .failed || self == .error }
}

/// A `name = value` pair from `<properties>`.
package struct TestProperty: Sendable, Encodable, Equatable {
    /// The property's name.
    package var name: String
    /// Its value.
    package var value: String
}

/// One test case, normalised from any runner.
package struct TestCase: Sendable, Encodable {
    /// The innermost suite's name.
    package var suite: String
    /// The class or module (JUnit `classname`); nil when the runner wrote none.
    package var className: String?
    /// The test's name.
    package var name: String
    /// Seconds; nil when the runner wrote no usable time.
    package var duration: Double?
    /// How it ended.
    package var outcome: TestOutcome
    /// The failure, error or skip message.
    package var message: String?
    /// The failure or error type (exception class).
    package var failureType: String?
    /// The stack trace or failure body.
    package var trace: String?
    /// A description (the seed runner's docstring).
    package var description: String?
    /// Captured standard output, kept for failing and flaky tests only (capped).
    package var systemOut: String?
    /// Captured standard error, kept for failing and flaky tests only (capped).
    package var systemErr: String?
    /// Passed, but only after failed attempts (Surefire `<flakyFailure>`, `<flakyError>`, `<rerunFailure>`,
    /// `<rerunError>`); a flaky test counts as passed.
    package var flaky = false
    /// Runs in all (1 + reruns).
    package var attempts: Int = 1
    /// The source file the runner named, if any.
    package var file: String?
    /// Properties attached to the test case.
    package var properties: [TestProperty] = []

    /// The key that identifies this test across releases: `classname.name`, or `suite.name` without a classname.
    package var id: String { "\(className ?? suite)::\(name)" }
}
