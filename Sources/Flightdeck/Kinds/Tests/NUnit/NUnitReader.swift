import Foundation

/// Reads an NUnit 3 result file (`<test-run>` root, written by nunit3-console, the NUnit engine, `dotnet test
/// --logger nunit` and Unity's test runner) into a `TestFile`, streaming with the same XML tokenizer as `JUnitReader`.
///
/// Every `<test-case>` is one test, grouped by its `classname`; `<test-run>` totals (total, passed, failed, warnings,
/// inconclusive, skipped) that disagree with the cases are warned about; the cases are what count.
package enum NUnitReader {
    /// Reads a file from disk.
    package static func read(_ file: ContentFile, log: DiagnosticLog) -> TestFile? {
        do {
            return read(try XMLByteSource.open(file.url, path: file.path), path: file.path, log: log)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// Reads from any byte source; nil (with the error logged) when the XML is malformed or cut short.
    package static func read(_ source: XMLByteSource, path: String, log: DiagnosticLog, chunkSize: Int = 1 << 22) -> TestFile? {
        let parser = NUnitParser(XMLTokenizer(source, path: path, chunkSize: chunkSize), log: log)
        do {
            try parser.run()
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
        let suites = parser.suites.map { TestSuite(name: $0.name, path: path, cases: $0.cases) }
        return TestFile(path: path, format: "nunit3", runner: "nunit", suites: suites)
    }
}
