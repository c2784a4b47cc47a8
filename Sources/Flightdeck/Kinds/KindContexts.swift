/// What a kind's reader gets besides the release folder.
struct ReadContext {
    /// The site's settings (`markdown: unsafe_html`, `signoffs: roles`).
    let config: SiteConfig
    /// Whether Markdown keeps where each link is written: only the link checker reads it (`MarkdownRenderer.parse`).
    let keepLinks: Bool
    /// Where problems go.
    let log: DiagnosticLog
}

/// What a kind's analysis gets besides its own model.
struct AnalysisContext {
    /// Everything ingested for the release, this kind's model included.
    let data: ReleaseData
    /// The earlier releases of the same product, latest first, at most `AnalysisContext.historyDepth` of them
    /// (releases with errors in their own files left out): the comparisons and the test history read them.
    let history: [ReleaseData]
    /// The site's thresholds; a kind reads its own as `thresholds[Kind.self]`.
    let thresholds: Thresholds
    /// The figures computed so far: in the first round those of the kinds before it in the registry, in the
    /// second round every kind's first-round figures.
    let figures: ReleaseFigures
    /// Where problems go (a misspelt checklist check).
    let log: DiagnosticLog

    /// How many earlier releases of the same product an analysis may read (the test history's window).
    static let historyDepth = 10

    /// The latest earlier release of the same product, for comparisons.
    var previous: ReleaseData? { history.first }
}

/// What a kind's charts get besides its own model and figures.
struct ChartContext {
    /// Everything ingested for the release.
    let data: ReleaseData
    /// Everything computed for it.
    let figures: ReleaseFigures
    /// What every chart id starts with (the release id), so ids stay unique when pages are combined.
    let prefix: String
}
