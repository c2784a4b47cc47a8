/// Maps a release's figures to charts.
enum ReleaseCharts {
    /// The charts of one release, keyed by name (`tests_outcomes`, `rollout_traffic`...).
    static func charts(for entry: SiteModel.Entry) -> [String: ChartView] {
        [:]
    }
}

/// Maps trends across releases to the home page's charts.
enum TrendCharts {
    /// The home page charts, in display order.
    static func charts(for trends: Trends) -> [ChartView] {
        []
    }
}
