/// Reads experiments.json or experiments.csv: A/B records from a release folder. (Placeholder.)
package enum ExperimentReader {
    /// The release's data of this kind, or nil when the release has none. Problems go to the log.
    package static func read(_ release: ReleaseSource, log: DiagnosticLog) -> Experiments? {
        nil
    }
}
