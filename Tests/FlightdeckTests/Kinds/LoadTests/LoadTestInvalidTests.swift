import Foundation
import Testing
@testable import Flightdeck

/// Bad load-test files: each gives exactly the diagnostics in `<file>.expected` (file:line:column or the JSON
/// path, and what was expected), and none crashes. `invalid/` holds made-up and trimmed files, `invalid-real/`
/// files real tools wrote that Flightdeck cannot read (provenance.tsv).
struct LoadTestInvalidTests {
    static func files() throws -> [ContentFile] {
        try ["loadtests/invalid", "loadtests/invalid-real"].flatMap { try FixtureLoader.files(in: $0, extensions: ["json", "csv", "jtl", "xml"]) }
    }

    @Test(arguments: try files())
    func invalidFileReportsWhatWasExpected(file: ContentFile) throws {
        let log = DiagnosticLog()
        let run = LoadTestReader.read(file, log: log)
        let actual = log.diagnostics.map(\.description)
        #expect(actual == (try FixtureLoader.expectedDiagnostics(for: file)), "actual:\n\(actual.joined(separator: "\n"))")
        #expect(run == nil || !log.hasErrors)
        #expect(log.hasErrors)
    }
}
