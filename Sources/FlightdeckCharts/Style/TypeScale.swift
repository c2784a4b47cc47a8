/// The chart's type scale, in viewBox units (CSS px when a chart is shown at its viewBox width).
///
/// `charts.css` lets a chart scale between `minimumScale` and `maximumScale` of its viewBox width, so its
/// text renders from 11 CSS px (the smallest size at the smallest scale) to about 15.6 px: the page's
/// 0.6875rem to 0.975rem, next to its 0.8–0.92rem tables and captions. docs/charts.md has the table.
public enum TypeScale {
    /// Ticks, bar values, section, threshold and event labels, axis titles (0.75rem at scale 1).
    public static let small = 12.0
    /// Legend entries and row labels: the root `font-size` (0.8125rem at scale 1).
    public static let body = 13.0
    /// The "No data" note.
    public static let note = 14.0
    /// The donut's centre figure.
    public static let large = 20.0
    /// The font stack (system fonts only), as `--fd-chart-font` in `charts.css`; quoted names use single quotes.
    public static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
    /// The smallest rendered size the theme allows, in CSS px.
    public static let minimumRendered = 11.0
    /// The smallest share of its viewBox width a chart is shown at: `minimumRendered / small`.
    public static var minimumScale: Double { minimumRendered / small }
    /// The largest share of its viewBox width a chart is shown at (`max-width` in `charts.css`).
    public static let maximumScale = 1.2
}
