/// Bounds that keep every chart small whatever the input; what is left out is said in the `<desc>` and caption.
enum Limits {
    /// Series drawn per chart.
    static let maxSeries = 16
    /// Categories (bar groups, box groups, stacked bars).
    static let maxCategories = 150
    /// Rows of horizontal bars, timelines and forest plots.
    static let maxRows = 150
    /// Points drawn across all series of a line or step chart (each series is downsampled to its share).
    static let pointBudget = 4000
    /// Points drawn for one series at most, even when alone.
    static let maxPointsPerSeries = 1500
    /// Event markers and thresholds.
    static let maxEvents = 60
    /// Outliers drawn per box.
    static let maxOutliers = 60
    /// Donut slices.
    static let maxSlices = 24
    /// Histogram bins.
    static let maxBins = 100
    /// Bars of grouped and stacked bar charts (categories × series); categories beyond it are left out.
    static let maxBars = 400
    /// Outliers drawn across all boxes of a box plot.
    static let maxOutliersTotal = 600
    /// Characters of one label or tooltip in the SVG.
    static let maxTextLength = 300
    /// Characters of the tooltip of one mark (bar, point, slice).
    static let maxTooltipLength = 120
    /// Characters of a chart's title and description in the SVG.
    static let maxTitleLength = 1000
}
