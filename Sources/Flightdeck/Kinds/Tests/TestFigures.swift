/// Tests counted by outcome; every test result counts once.
package struct OutcomeCounts: Sendable, Encodable, Equatable {
    /// All tests.
    package var total = 0
    /// Passed (flaky tests included).
    package var passed = 0
    /// Failed an assertion.
    package var failed = 0
    /// Errored.
    package var error = 0
    /// Skipped.
    package var skipped = 0
    /// Of the passed tests, those that passed only after failed attempts.
    package var flaky = 0

    /// Counts the cases.
    package init(_ cases: some Sequence<TestCase>) {
        for test in cases { add(test) }
    }

    /// Adds one test.
    package mutating func add(_ test: TestCase) {
        add(test.outcome, flaky: test.flaky)
    }

    /// Adds one test by its outcome and whether it was flaky.
    package mutating func add(_ outcome: TestOutcome, flaky isFlaky: Bool) {
        total += 1
        switch outcome {
        case .passed: passed += 1; if isFlaky { flaky += 1 }
        case .failed: failed += 1
        case .error: error += 1
        case .skipped: skipped += 1
        }
    }

    /// Adds the counts of another group of tests.
    package mutating func add(_ other: OutcomeCounts) {
        total += other.total
        passed += other.passed
        failed += other.failed
        error += other.error
        skipped += other.skipped
        flaky += other.flaky
    }

    /// Tests that ran: total − skipped.
    package var executed: Int { total - skipped }

    /// passed / (total − skipped), 0–1 (flaky tests are passed); nil when nothing ran.
    package var successRate: Double? { Statistics.ratio(Double(passed), Double(executed)) }
}

/// The seed's readiness bands for a test run (seed 000).
package enum TestVerdict: String, Sendable, Encodable {
    /// Success rate at or above the ready band.
    case ready = "READY"
    /// At or above the caution band, below ready.
    case proceedWithCaution = "PROCEED_WITH_CAUTION"
    /// Below the caution band, or nothing ran.
    case notReady = "NOT_READY"
}

/// A test named in a list (slowest, flaky, changes).
package struct TestRef: Sendable, Encodable, Equatable {
    /// `classname::name` (or `suite::name`).
    package let id: String
    /// Suite name.
    package let suite: String
    /// Class name, if any.
    package let className: String?
    /// Test name.
    package let name: String
    /// Seconds, if known.
    package let duration: Double?
    /// How it ended.
    package let outcome: TestOutcome
    /// The results file it came from.
    package let path: String
}

/// A failing test with what the runner said about it.
///
/// It refers to the test case in its suite's list, which it shares with the results, rather than holding copies of
/// its fields: a file of millions of short failures is then held once, not twice. The texts a page and the export
/// show are folded once (`folded(keepText:)`) and kept apart only when folding changed them.
package struct TestFailure: Sendable, Encodable {
    /// The cases of the failing test's suite, as read, and the test's place among them.
    private let cases: [TestCase], index: Int
    /// The results file it came from.
    package let path: String
    /// The failure category it went into (`tests: categories:`, else `Product defects` or `Test defects`).
    package var category = ""
    /// The texts as shown.
    private var shown = Shown.whole

    /// How the texts are shown.
    private enum Shown: Sendable {
        /// Whole, as read (not folded yet, or too short to fold).
        case whole
        /// Folded: the heads and the lines left off.
        case folded(FoldedTexts)
        /// Left off the page: only the number of lines of each is shown (counted when encoded).
        case dropped
    }

    /// The heads of the texts a fold shortened, with the number of lines left off each.
    private final class FoldedTexts: Sendable {
        let trace: (String?, Int?), systemOut: (String?, Int?), systemErr: (String?, Int?)
        init(trace: (String?, Int?), systemOut: (String?, Int?), systemErr: (String?, Int?)) {
            (self.trace, self.systemOut, self.systemErr) = (trace, systemOut, systemErr)
        }
    }

    /// A failure of the test `cases[index]`, read from `path`, its texts whole.
    package init(_ cases: [TestCase], at index: Int, path: String) {
        self.cases = cases
        self.index = index
        self.path = path
    }

    /// The failing test, as read.
    package var testCase: TestCase { cases[index] }

    /// The test.
    package var test: TestRef { TestAnalysis.ref(testCase, path: path) }
    /// The message.
    package var message: String? { testCase.message }
    /// The exception type.
    package var failureType: String? { testCase.failureType }
    /// The stack trace or body, as shown.
    package var trace: String? { text(\.trace, \.trace).0 }
    /// Captured output, as shown.
    package var systemOut: String? { text(\.systemOut, \.systemOut).0 }
    /// Captured error output, as shown.
    package var systemErr: String? { text(\.systemErr, \.systemErr).0 }
    /// Lines of `trace`, `systemOut` and `systemErr` left off the page (see `folded`); nil when none was.
    package var traceOmittedLines: Int? { text(\.trace, \.trace).1 }
    package var systemOutOmittedLines: Int? { text(\.systemOut, \.systemOut).1 }
    package var systemErrOmittedLines: Int? { text(\.systemErr, \.systemErr).1 }

    /// One text as shown, and the lines left off it.
    private func text(_ read: KeyPath<TestCase, String?>, _ folded: KeyPath<FoldedTexts, (String?, Int?)>) -> (String?, Int?) {
        switch shown {
        case .whole: (testCase[keyPath: read], nil)
        case .folded(let texts): texts[keyPath: folded]
        case .dropped: Self.fold(testCase[keyPath: read], keep: false)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case test, message, failureType, trace, systemOut, systemErr, category, traceOmittedLines, systemOutOmittedLines,
             systemErrOmittedLines
    }

    /// The fields in their documented order, an absent optional left out (as a synthesised encoding would).
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let trace = text(\.trace, \.trace), systemOut = text(\.systemOut, \.systemOut), systemErr = text(\.systemErr, \.systemErr)
        try container.encode(test, forKey: .test)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(failureType, forKey: .failureType)
        try container.encodeIfPresent(trace.0, forKey: .trace)
        try container.encodeIfPresent(systemOut.0, forKey: .systemOut)
        try container.encodeIfPresent(systemErr.0, forKey: .systemErr)
        try container.encode(category, forKey: .category)
        try container.encodeIfPresent(trace.1, forKey: .traceOmittedLines)
        try container.encodeIfPresent(systemOut.1, forKey: .systemOutOmittedLines)
        try container.encodeIfPresent(systemErr.1, forKey: .systemErrOmittedLines)
    }

    /// How much of a failure's text a page shows: the first `lines` lines and `bytes` bytes of each text, for the
    /// first `failures` failures of a release; later failures show their message only. With 3 texts of at most
    /// 6 KB, 500 failures give at most about 9 MB, so a tests page stays under 20 MB whatever the results file.
    package enum Fold {
        package static let lines = 60
        package static let bytes = 6_000
        package static let failures = 500
    }

    /// The failure as a page shows it: each text cut at `Fold.lines` lines or `Fold.bytes` bytes (at a line end
    /// where one is near, never inside a UTF-8 sequence), or dropped whole when `keepText` is false, with the
    /// number of lines left off.
    package func folded(keepText: Bool) -> TestFailure {
        var copy = self
        guard keepText else {
            copy.shown = .dropped
            return copy
        }
        let trace = Self.fold(testCase.trace, keep: true), systemOut = Self.fold(testCase.systemOut, keep: true)
        let systemErr = Self.fold(testCase.systemErr, keep: true)
        if trace.1 != nil || systemOut.1 != nil || systemErr.1 != nil {
            copy.shown = .folded(FoldedTexts(trace: trace, systemOut: systemOut, systemErr: systemErr))
        } else {
            copy.shown = .whole
        }
        return copy
    }

    /// The shown head of a text and how many of its lines are left off (nil when none is).
    static func fold(_ text: String?, keep: Bool) -> (String?, Int?) {
        guard let text else { return (nil, nil) }
        let newline = UInt8(ascii: "\n")
        let totalLines = text.utf8.count(where: { $0 == newline }) + (text.utf8.last == newline ? 0 : 1)
        guard keep else { return (nil, totalLines) }
        let bytes = Array(text.utf8)
        var end = 0, lines = 0
        while end < bytes.count, end < Fold.bytes {
            if bytes[end] == newline {
                lines += 1
                if lines == Fold.lines { break }
            }
            end += 1
        }
        guard end < bytes.count, end < bytes.count - 1 || bytes[end] != newline else { return (text, nil) }
        if end >= Fold.bytes {
            // Cut at the last line end in the head when there is one, else back to a UTF-8 sequence's start.
            if let lineEnd = bytes[..<end].lastIndex(of: newline), lineEnd > 0 { end = lineEnd } else {
                while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            }
        }
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        let shownLines = head.utf8.count(where: { $0 == newline }) + (head.isEmpty ? 0 : 1)
        return (head, max(1, totalLines - shownLines))
    }
}

/// The figures of one suite.
package struct SuiteFigures: Sendable, Encodable {
    /// Suite name.
    package let name: String
    /// Results file.
    package let path: String
    /// The runner the file came from.
    package let runner: String
    /// Counts by outcome.
    package let counts: OutcomeCounts
    /// passed / (total − skipped).
    package let successRate: Double?
    /// Σ test durations, seconds.
    package let duration: Double
}

/// This release's tests against the previous release's, by test id.
package struct TestComparison: Sendable, Encodable {
    /// Tests in the previous release.
    package let previousTotal: Int
    /// Failing now, not failing before (including new tests that fail).
    package var newFailures: [String]
    /// Failing before, passed now.
    package var fixed: [String]
    /// Failing in both.
    package var stillFailing: [String]
    /// Present now, not before.
    package var added: [String]
    /// Present before, not now.
    package var removed: [String]
    /// Per list (`new_failures`, `fixed`, `still_failing`, `added`, `removed`), the ids a page leaves off; nil in
    /// summary.json, which has them all, and on a page that leaves none off.
    package var omitted: [String: Int]? = nil
}

/// Figures computed from a release's test results.
package struct TestFigures: Sendable, Encodable {
    /// Counts by outcome over all files.
    package let counts: OutcomeCounts
    /// passed / (total − skipped), 0–1; nil when nothing ran.
    package let successRate: Double?
    /// The band the success rate falls in.
    package let verdict: TestVerdict
    /// Why, in a sentence.
    package let verdictReason: String
    /// Σ test durations in seconds (tests without a time count 0).
    package let totalDuration: Double
    /// Per suite, in file order.
    package var suites: [SuiteFigures]
    /// The ten slowest tests, slowest first.
    package let slowest: [TestRef]
    /// Failed and errored tests with message and trace, in file order.
    package var failures: [TestFailure]
    /// Tests that passed only after failed attempts (they are counted in passed).
    package var flaky: [TestRef]
    /// Skipped tests.
    package var skipped: [TestRef]
    /// Against the previous release, when there is one with tests.
    package var comparison: TestComparison?
    /// Tests whose outcome went from passing to failing or back at least twice within the history window,
    /// skipped and absent releases left out (see `flaky` for those the runner marked).
    package var flipping: [TestRef]
    /// The outcomes of the failing, fixed, flaky and slowest tests over this release and up to ten earlier
    /// releases of the product.
    package var history: TestHistory
    /// Failing tests by category, configured categories first (in their order), then the defaults; only
    /// categories with tests.
    package var categories: [CategoryFigures]
    /// The bands used.
    package let thresholds: TestThresholds
    /// Per list (`failures`, `flaky`, `skipped`, `flipping`, `suites`), the rows a page leaves off; nil in
    /// summary.json, which has them all, and on a page that leaves none off.
    package var omitted: [String: Int]? = nil
}
