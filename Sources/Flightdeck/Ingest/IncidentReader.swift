/// Reads incidents/*.md: front matter + postmortem from a release folder. (Placeholder.)
package enum IncidentReader {
    /// The release's data of this kind, or nil when the release has none. Problems go to the log.
    package static func read(_ release: ReleaseSource, log: DiagnosticLog) -> Incidents? {
        nil
    }
}
