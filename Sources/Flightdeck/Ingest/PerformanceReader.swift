/// Reads performance.json or performance.csv: performance-test results from a release folder. (Placeholder.)
package enum PerformanceReader {
    /// The release's data of this kind, or nil when the release has none. Problems go to the log.
    package static func read(_ release: ReleaseSource, log: DiagnosticLog) -> Performance? {
        nil
    }
}
