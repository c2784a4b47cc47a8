/// The site after Ingest and Analyse: what the Render stage turns into pages.
struct SiteModel: Sendable {
    /// One release with its data and figures.
    struct Entry: Sendable {
        /// Where it came from.
        let source: ReleaseSource
        /// Its ingested data.
        let data: ReleaseData
        /// Its computed figures and verdict.
        let figures: ReleaseFigures
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
