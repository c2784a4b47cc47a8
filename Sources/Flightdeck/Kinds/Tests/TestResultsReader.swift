/// Reads `tests/*.xml` (JUnit from any common runner) and `tests/*.json` (the seed runner's results).
///
/// Every file is read and every problem reported; a file that cannot be parsed is left out.
package enum TestResultsReader {
    /// The release's test results, or nil when the release has no `tests/` files. Problems go to the log.
    package static func read(_ release: ReleaseSource, log: DiagnosticLog) -> TestResults? {
        let files = release.files(in: "tests", extensions: ["xml", "json"])
        guard !files.isEmpty else { return nil }
        return TestResults(files: files.compactMap { read($0, log: log) })
    }

    /// Reads one results file by its extension.
    package static func read(_ file: ContentFile, log: DiagnosticLog) -> TestFile? {
        file.fileExtension == "xml" ? JUnitReader.read(file, log: log) : SeedTestJSONReader.read(file, log: log)
    }
}
