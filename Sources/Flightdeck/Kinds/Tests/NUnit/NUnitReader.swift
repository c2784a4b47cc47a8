import Foundation

/// Reads an NUnit 3 result file (`<test-run>` root, written by nunit3-console, the NUnit engine, `dotnet test
/// --logger nunit` and Unity's test runner) into a `TestFile`, streaming with the same XML tokenizer as `JUnitReader`.
///
/// Every `<test-case>` is one test, grouped by its `classname`; `<test-run>` totals (total, passed, failed, warnings,
/// inconclusive, skipped) that disagree with the cases are warned about; the cases are what count.
package enum NUnitReader: XMLTestResultsFormat {
    /// The test file a finished parser describes.
    package static func testFile(from parser: NUnitParser, path: String) -> TestFile {
        let suites = parser.suites.map { TestSuite(name: $0.name, path: path, cases: $0.cases) }
        return TestFile(path: path, format: "nunit3", runner: "nunit", suites: suites)
    }
}
