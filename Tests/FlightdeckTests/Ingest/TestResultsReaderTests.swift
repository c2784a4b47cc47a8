import Foundation
import Testing
@testable import Flightdeck

/// The seed runner's JSON results.
struct TestResultsReaderTests {
    @Test func seedJSONBecomesOneSuite() throws {
        let log = DiagnosticLog()
        let file = try #require(TestResultsReader.read(try FixtureLoader.file("ingest/tests-json/valid/staging.json"), log: log))
        #expect(log.diagnostics.isEmpty)
        #expect(file.runner == "seed" && file.suites.map(\.name) == ["staging"])
        let cases = file.suites[0].cases
        #expect(cases.map(\.outcome) == [.passed, .passed, .failed, .error, .passed])
        #expect(cases[2].message == "AssertionError: False is not true : Component gcs not properly warmed")
        #expect(cases[3].description == nil, "the seed's placeholder 'No description' is dropped")
        #expect(cases[0].description == "Test that health endpoint responds correctly")
    }

    @Test(arguments: try FixtureLoader.files(in: "ingest/tests-json/invalid", extensions: ["json"]))
    func invalidFileReportsEveryProblem(file: ContentFile) throws {
        let log = DiagnosticLog()
        _ = TestResultsReader.read(file, log: log)
        let actual = log.diagnostics.map(\.description)
        #expect(actual == (try FixtureLoader.expectedDiagnostics(for: file)), "actual:\n\(actual.joined(separator: "\n"))")
    }
}
