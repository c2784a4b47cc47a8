/// Reads `tests/*.xml` (JUnit from any common runner, or NUnit 3), `tests/*.trx` (Visual Studio) and `tests/*.json`
/// (the seed runner's results).
///
/// Every file is read and every problem reported; a file that cannot be parsed is left out.
package enum TestResultsReader {
    /// The release's test results, or nil when the release has no `tests/` files. Problems go to the log.
    package static func read(_ release: ReleaseSource, log: DiagnosticLog) -> TestResults? {
        let files = release.files(in: "tests", extensions: ["xml", "trx", "json"])
        guard !files.isEmpty else { return nil }
        return TestResults(files: files.compactMap { read($0, log: log) })
    }

    /// Reads one results file: JSON by its extension, XML by its root element (`<test-run>` is NUnit 3, `<TestRun>`
    /// is TRX, anything else JUnit), whatever its name.
    package static func read(_ file: ContentFile, log: DiagnosticLog) -> TestFile? {
        if file.fileExtension == "json" { return SeedTestJSONReader.read(file, log: log) }
        switch XMLRootName.of(file) {
        case "test-run": return NUnitReader.read(file, log: log)
        case "TestRun": return TRXReader.read(file, log: log)
        default: return file.fileExtension == "trx" ? TRXReader.read(file, log: log) : JUnitReader.read(file, log: log)
        }
    }
}
