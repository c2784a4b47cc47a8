/// The light-scheme colours every chart carries in its own `fill` and `stroke` attributes, so that a chart
/// copied out of its page, printed, or shown without `charts.css` keeps its colours.
///
/// `templates/assets/charts.css` declares the same values as custom properties (the dark scheme and themes
/// override them there; a CSS rule beats a presentation attribute). `scripts/palette_contrast.py` computes
/// their WCAG 2.x contrast ratios, and the tests check that this table, `charts.css` and the script agree.
public enum Palette {
    /// Series colours `--fd-series-1` … `--fd-series-8`: the Okabe-Ito hues, darkened until each has at least
    /// 3:1 contrast with the page and surface backgrounds (WCAG 2.x non-text contrast).
    public static let series = ["#0072b2", "#b26b00", "#008a64", "#b8588f", "#2f8fd0", "#d14900", "#8c7a00", "#555555"]

    /// Tone colours `--fd-tone-…`, at least 4.5:1 with the backgrounds: they also colour threshold and event labels.
    public static let tones: [Tone: String] = [
        .neutral: "#6b7079", .positive: "#007a58", .negative: "#b34a00",
        .warning: "#8a5a00", .critical: "#b8002e", .info: "#0072b2",
    ]

    /// `--fd-chart-bg`: the background marks are outlined with.
    public static let background = "#ffffff"
    /// `--fd-chart-fg`: text and dark strokes (medians, whiskers).
    public static let foreground = "#1f2328"
    /// `--fd-chart-muted`: ticks, axis titles and section labels.
    public static let muted = "#59636e"
    /// `--fd-chart-grid`: grid lines (decorative, exempt from the contrast minimum).
    public static let grid = "#d8dee4"
    /// `--fd-chart-axis`: axis, zero and reference lines.
    public static let axis = "#6e7781"
    /// `--fd-pattern-ink` as a colour and an opacity: hatches and dots drawn over pattern fills.
    public static let patternInk = (color: "#ffffff", opacity: 0.7)

    /// Every custom property of the light scheme with its value, in the order `charts.css` declares them.
    public static var customProperties: [(name: String, value: String)] {
        series.enumerated().map { ("--fd-series-\($0.offset + 1)", $0.element) }
            + Tone.allCases.map { ("--fd-tone-" + $0.rawValue, tones[$0] ?? foreground) }
            + [("--fd-chart-bg", background), ("--fd-chart-fg", foreground), ("--fd-chart-muted", muted),
               ("--fd-chart-grid", grid), ("--fd-chart-axis", axis)]
    }

    /// The colour a colour class (`fd-s1` … `fd-s8`, `fd-tone-…`) sets, or nil for any other class.
    static func color(ofClass name: Substring) -> String? {
        if name.hasPrefix("fd-tone-") {
            return Tone(rawValue: String(name.dropFirst("fd-tone-".count))).flatMap { tones[$0] }
        }
        guard name.hasPrefix("fd-s"), let number = Int(name.dropFirst(4)), (1...series.count).contains(number) else { return nil }
        return series[number - 1]
    }
}
