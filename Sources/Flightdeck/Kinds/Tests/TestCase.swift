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
///
/// What most tests lack (a message, a trace, output, properties…) is kept apart in a shared box, and what most
/// failures lack (output, reruns, properties) in a second one inside it, so that a passing test takes about a
/// hundred bytes and a failure with a message and a trace about two hundred: a file of a million tests is held in
/// memory once, not several times.
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
    /// Passed, but only after failed attempts (Surefire `<flakyFailure>`, `<flakyError>`, `<rerunFailure>`,
    /// `<rerunError>`); a flaky test counts as passed.
    package var flaky = false
    /// A description (the seed runner's docstring).
    package var description: String? {
        get { descriptionText?.string }
        set { descriptionText = newValue.map(StoredText.init) }
    }
    /// `description`, kept in the reader's `TextStore` (the seed runner writes one for every test).
    package var descriptionText: StoredText?
    /// The rarer fields; nil when all of them are at their defaults.
    private var details: DetailsBox?

    /// The rarer fields of a test case: what a failure has.
    private struct Details: Sendable {
        var message: String?
        var failureType: String?
        var trace: String?
        /// The rarest ones, apart again: most failures have none, and their box is then 64 bytes, not 128.
        var more: MoreBox?

        var isDefault: Bool { message == nil && failureType == nil && trace == nil && more == nil }
    }

    /// Captured output, reruns, the source file and properties.
    private struct More: Sendable {
        var systemOut: String?
        var systemErr: String?
        var attempts = 1
        var file: String?
        var properties: [TestProperty] = []

        var isDefault: Bool { systemOut == nil && systemErr == nil && attempts == 1 && file == nil && properties.isEmpty }
        var boxed: MoreBox? { isDefault ? nil : MoreBox(self) }
    }

    /// Immutable, so copies of a test share it; a change makes a new one.
    private final class DetailsBox: Sendable {
        let details: Details
        init(_ details: Details) { self.details = details }
    }

    /// Immutable, as `DetailsBox`.
    private final class MoreBox: Sendable {
        let more: More
        init(_ more: More) { self.more = more }
    }

    private func detail<Value>(_ path: KeyPath<Details, Value>) -> Value { (details?.details ?? Details())[keyPath: path] }

    private func more<Value>(_ path: KeyPath<More, Value>) -> Value { (details?.details.more?.more ?? More())[keyPath: path] }

    private mutating func setDetail<Value>(_ path: WritableKeyPath<Details, Value>, _ value: Value) {
        var changed = details?.details ?? Details()
        changed[keyPath: path] = value
        details = changed.isDefault ? nil : DetailsBox(changed)
    }

    private mutating func setMore<Value>(_ path: WritableKeyPath<More, Value>, _ value: Value) {
        var changed = details?.details.more?.more ?? More()
        changed[keyPath: path] = value
        setDetail(\.more, changed.boxed)
    }

    /// The failure, error or skip message.
    package var message: String? {
        get { detail(\.message) }
        set { setDetail(\.message, newValue) }
    }
    /// The failure or error type (exception class).
    package var failureType: String? {
        get { detail(\.failureType) }
        set { setDetail(\.failureType, newValue) }
    }
    /// The stack trace or failure body.
    package var trace: String? {
        get { detail(\.trace) }
        set { setDetail(\.trace, newValue) }
    }
    /// Captured standard output, kept for failing and flaky tests only (capped).
    package var systemOut: String? {
        get { more(\.systemOut) }
        set { setMore(\.systemOut, newValue) }
    }
    /// Captured standard error, kept for failing and flaky tests only (capped).
    package var systemErr: String? {
        get { more(\.systemErr) }
        set { setMore(\.systemErr, newValue) }
    }
    /// Runs in all (1 + reruns).
    package var attempts: Int {
        get { more(\.attempts) }
        set { setMore(\.attempts, newValue) }
    }
    /// The source file the runner named, if any.
    package var file: String? {
        get { more(\.file) }
        set { setMore(\.file, newValue) }
    }
    /// Properties attached to the test case.
    package var properties: [TestProperty] {
        get { more(\.properties) }
        set { setMore(\.properties, newValue) }
    }

    /// A test case; the fields as the memberwise initialiser of a plain struct would take them.
    package init(suite: String, className: String?, name: String, duration: Double? = nil, outcome: TestOutcome,
                 message: String? = nil, failureType: String? = nil, trace: String? = nil, description: String? = nil,
                 systemOut: String? = nil, systemErr: String? = nil, flaky: Bool = false, attempts: Int = 1,
                 file: String? = nil, properties: [TestProperty] = []) {
        self.suite = suite
        self.className = className
        self.name = name
        self.duration = duration
        self.outcome = outcome
        descriptionText = description.map(StoredText.init)
        self.flaky = flaky
        let more = More(systemOut: systemOut, systemErr: systemErr, attempts: attempts, file: file, properties: properties)
        let details = Details(message: message, failureType: failureType, trace: trace, more: more.boxed)
        self.details = details.isDefault ? nil : DetailsBox(details)
    }

    private enum CodingKeys: String, CodingKey {
        case suite, className, name, duration, outcome, message, failureType, trace, description, systemOut, systemErr, flaky,
             attempts, file, properties
    }

    /// The fields in their documented order, an absent optional left out (as a synthesised encoding would).
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let d = details?.details ?? Details(), m = d.more?.more ?? More()
        try container.encode(suite, forKey: .suite)
        try container.encodeIfPresent(className, forKey: .className)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(duration, forKey: .duration)
        try container.encode(outcome, forKey: .outcome)
        try container.encodeIfPresent(d.message, forKey: .message)
        try container.encodeIfPresent(d.failureType, forKey: .failureType)
        try container.encodeIfPresent(d.trace, forKey: .trace)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(m.systemOut, forKey: .systemOut)
        try container.encodeIfPresent(m.systemErr, forKey: .systemErr)
        try container.encode(flaky, forKey: .flaky)
        try container.encode(m.attempts, forKey: .attempts)
        try container.encodeIfPresent(m.file, forKey: .file)
        try container.encode(m.properties, forKey: .properties)
    }

    /// The key that identifies this test across releases: `classname.name`, or `suite.name` without a classname.
    package var id: String { TestCase.id(scope: className ?? suite, name: name) }

    /// `scope::name`, its bytes copied once into a string of the right size (interpolation grows a buffer, then copies it).
    static func id(scope: String, name: String) -> String {
        String(unsafeUninitializedCapacity: scope.utf8.count + 2 + name.utf8.count) { buffer in
            var end = buffer.initialize(fromContentsOf: scope.utf8)
            end = buffer[end...].initialize(fromContentsOf: "::".utf8)
            return buffer[end...].initialize(fromContentsOf: name.utf8)
        }
    }
}
