/// Reads tests/*.xml (JUnit) and tests/*.json (seed runner results) from a release folder. (Placeholder.)
package enum TestResultsReader {
    /// The release's data of this kind, or nil when the release has none. Problems go to the log.
    package static func read(_ release: ReleaseSource, log: DiagnosticLog) -> TestResults? {
        nil
    }
}
