import Foundation

/// Reads a JUnit XML file as any common runner writes it, streaming, into a `TestFile`.
///
/// Declared counts (`tests`, `failures`, `errors`, `skipped`) that disagree with the testcases are
/// warned about at the suite's place; the testcases are what count. Memory grows with the number of
/// test cases, not the file's size: bodies are capped and output is kept only for failing and flaky tests.
package enum JUnitReader: XMLTestResultsFormat {
    /// The test file a finished parser describes.
    package static func testFile(from parser: JUnitParser, path: String) -> TestFile {
        let suites = parser.finished.sorted { $0.order < $1.order }.map { frame in
            TestSuite(name: frame.name, path: path, declaredTime: frame.time, timestamp: frame.timestamp,
                      properties: frame.properties, cases: frame.cases)
        }
        return TestFile(path: path, format: "junit", runner: JUnitDialect.runner(parser.evidence), suites: suites)
    }
}
