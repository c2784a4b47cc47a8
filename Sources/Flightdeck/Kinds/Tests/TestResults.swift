package import Foundation

/// One suite of test cases (JUnit `<testsuite>`, or one seed JSON file).
package struct TestSuite: Sendable, Encodable {
    /// The suite's name; nested suites are joined with ` › `.
    package var name: String
    /// The data file it came from.
    package var path: String
    /// The time the runner declared for the suite, in seconds.
    package var declaredTime: Double?
    /// When the suite ran, when the runner says (with a time zone; naive times are read as UTC).
    package var timestamp: Date?
    /// Suite properties.
    package var properties: [TestProperty] = []
    /// The test cases directly in this suite, in file order.
    package var cases: [TestCase] = []
}

/// One results file.
package struct TestFile: Sendable, Encodable {
    /// Path relative to the site root.
    package var path: String
    /// `junit` or `seed-json`.
    package var format: String
    /// The runner the file looks like it came from: pytest, surefire, gradle, jest, vitest, mocha, go, ctest, googletest,
    /// nextest, phpunit, eclipse, swift, seed, unknown.
    package var runner: String
    /// Its suites in file order.
    package var suites: [TestSuite]
}

/// tests/*.xml (JUnit) and tests/*.json (the seed runner's results) of a release.
package struct TestResults: Sendable, Encodable {
    /// The files, sorted by path.
    package var files: [TestFile]

    /// Wraps files.
    package init(files: [TestFile]) { self.files = files }

    /// Every suite of every file.
    package var suites: [TestSuite] { files.flatMap(\.suites) }

    /// Every test case of every file.
    package var cases: [TestCase] { files.flatMap { $0.suites.flatMap(\.cases) } }
}
