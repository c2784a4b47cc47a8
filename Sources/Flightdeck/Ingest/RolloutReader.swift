/// Reads rollout.yaml (+ optional metrics CSV) or the seed controller's state JSON from a release folder. (Placeholder.)
package enum RolloutReader {
    /// The release's data of this kind, or nil when the release has none. Problems go to the log.
    package static func read(_ release: ReleaseSource, log: DiagnosticLog) -> Rollout? {
        nil
    }
}
