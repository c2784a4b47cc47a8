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

    /// Results are decoded as the file is parsed, yet read as before: `test_results` counts over `tests` whatever
    /// their order, the suite's name may follow the list, and the file's own problems come before the results'.
    @Test func wrappedResultsReadAsTheWholeFileWouldBe() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("seed-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("api.json")
        try Data("""
            {"tests": [{"test_name": "x", "status": "PASS", "duration": 1}],
             "test_results": [{"test_name": "a", "status": "FAIL", "duration": -1}, {"test_name": "b", "status": "FAIL", "duration": 0.5}],
             "suite": "payments", "extra": 1}
            """.utf8).write(to: url)
        let log = DiagnosticLog()
        let file = try #require(TestResultsReader.read(ContentFile(path: "api.json", url: url), log: log))
        #expect(file.suites.map(\.name) == ["payments"])
        #expect(file.suites[0].cases.map(\.name) == ["b"])
        #expect(file.suites[0].cases.map(\.suite) == ["payments"])
        #expect(log.diagnostics.map(\.description) == [
            "api.json:1:2: warning: unknown key 'tests'",
            "api.json:3:23: warning: unknown key 'extra'",
            "api.json:2:68: error: 'duration' must be a number ≥ 0, found -1",
        ])
    }
}
