import Foundation

/// Reads a Visual Studio test results file (`.trx`, written by `dotnet test --logger trx`, vstest.console and
/// Visual Studio) into a `TestFile`, streaming with the same XML tokenizer as `JUnitReader`.
///
/// Every result directly under `<Results>` is one test (MSTest's data rows under `InnerResults` are part of their
/// parent, as the counters count them); its class comes from the `<TestDefinitions>` entry its `testId` names.
/// `ResultSummary/Counters` that disagree with the results are warned about; the results are what count.
package enum TRXReader: XMLTestResultsFormat {
    /// The test file a finished parser describes.
    package static func testFile(from parser: TRXParser, path: String) -> TestFile {
        let fallback = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var suites: [TestSuite] = []
        var index: [String: Int] = [:]
        for result in parser.results {
            let definition = result.testId.flatMap { parser.definitions[$0] }
            let className = definition?.className.flatMap { $0.isEmpty ? nil : $0 }
            let suiteName = className ?? fallback
            let name = className.map { result.testName.hasPrefix($0 + ".") ? String(result.testName.dropFirst($0.count + 1)) : result.testName }
                ?? result.testName
            let failing = result.outcome.isFailing
            let message = JUnitDialect.trimmed(result.message)
            let trace = JUnitDialect.trimmed(result.trace)
            let test = TestCase(suite: suiteName, className: className, name: name, duration: result.duration, outcome: result.outcome,
                                message: message.isEmpty ? nil : message, failureType: nil,
                                trace: failing && !trace.isEmpty ? trace : nil, description: nil,
                                systemOut: failing && !result.stdout.isEmpty ? result.stdout : nil,
                                systemErr: failing && !result.stderr.isEmpty ? result.stderr : nil,
                                properties: result.outcomeName == outcomeWord(result.outcome) ? [] : [TestProperty(name: "trx.outcome", value: result.outcomeName)])
            if let at = index[suiteName] {
                suites[at].cases.append(test)
            } else {
                index[suiteName] = suites.count
                suites.append(TestSuite(name: suiteName, path: path, cases: [test]))
            }
        }
        return TestFile(path: path, format: "trx", runner: runner(parser.adapter), suites: suites)
    }

    /// The TRX word that is the same as Flightdeck's outcome (other outcomes are kept as the `trx.outcome` property).
    private static func outcomeWord(_ outcome: TestOutcome) -> String {
        switch outcome { case .passed: "Passed"; case .failed: "Failed"; case .error: "Error"; case .skipped: "NotExecuted" }
    }

    /// The test framework from the adapter URI: `executor://xunit/…` → xunit, NUnit3TestExecutor → nunit, MSTestAdapter → mstest.
    static func runner(_ adapter: String?) -> String {
        let a = adapter?.lowercased() ?? ""
        if a.contains("xunit") { return "xunit" }
        if a.contains("nunit") { return "nunit" }
        if a.contains("mstest") { return "mstest" }
        return "vstest"
    }
}
