import Foundation

/// Reads a JUnit XML file as any common runner writes it, streaming, into a `TestFile`.
///
/// Declared counts (`tests`, `failures`, `errors`, `skipped`) that disagree with the testcases are
/// warned about at the suite's place; the testcases are what count. Memory grows with the number of
/// test cases, not the file's size: bodies are capped and output is kept only for failing and flaky tests.
package enum JUnitReader {
    /// Longest failure body or output kept, in UTF-8 bytes.
    static let textCap = 16_384

    /// Reads a file from disk.
    package static func read(_ file: ContentFile, log: DiagnosticLog) -> TestFile? {
        do {
            return read(try XMLByteSource.open(file.url, path: file.path), path: file.path, log: log)
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// Reads from any byte source; nil (with the error logged) when the XML is malformed.
    package static func read(_ source: XMLByteSource, path: String, log: DiagnosticLog, chunkSize: Int = 1 << 22) -> TestFile? {
        let parser = JUnitParser(XMLTokenizer(source, path: path, chunkSize: chunkSize), log: log)
        do {
            try parser.run()
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
        let suites = parser.finished.sorted { $0.order < $1.order }.map { frame in
            TestSuite(name: frame.name, path: path, declaredTime: frame.time, timestamp: frame.timestamp,
                      properties: frame.properties, cases: frame.cases)
        }
        return TestFile(path: path, format: "junit", runner: JUnitDialect.runner(parser.evidence), suites: suites)
    }
}
