/// The site after Ingest and Analyse: what the Render stage turns into pages.
struct SiteModel: Sendable {
    /// One release with its data and figures.
    struct Entry: Sendable {
        /// Where it came from.
        let source: ReleaseSource
        /// Its ingested data.
        let data: ReleaseData
        /// Its computed figures and verdict.
        var figures: ReleaseFigures
        /// The diagnostics of its own files (ingest and analysis), errors and warnings.
        var diagnostics: [Diagnostic] = []

        /// Whether its own data has errors, so it cannot be judged.
        var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Config and file lists.
    let source: SiteSource
    /// content/index.md, rendered.
    let index: Page?
    /// content/pages/*.md, rendered, in navigation order.
    let pages: [Page]
    /// Releases, newest first (by date, then id).
    let releases: [Entry]
    /// Trends across releases, oldest first.
    let trends: Trends
}
