/// Reads baseline.json or baseline.csv: the baseline job measurements from a release folder. (Placeholder.)
package enum BaselineReader {
    /// The release's data of this kind, or nil when the release has none. Problems go to the log.
    package static func read(_ release: ReleaseSource, log: DiagnosticLog) -> Baseline? {
        nil
    }
}
