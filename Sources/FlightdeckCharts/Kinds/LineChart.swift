/// Series of points joined by straight lines, with threshold lines, bands and event markers.
public typealias LineChart = XYChart<StraightJoin>

/// Series drawn as steps (each value holds until the next point), with thresholds, bands and events: e.g. rollout traffic %.
public typealias StepChart = XYChart<StepJoin>

/// How an `XYChart` joins consecutive points.
public protocol XYJoin: Sendable {
    /// The chart kind in class names (`fd-chart-line`, `fd-chart-step`).
    static var kind: String { get }
    /// Whether values hold until the next point.
    static var steps: Bool { get }
}

/// Straight lines between points (`LineChart`).
public enum StraightJoin: XYJoin {
    /// Class names say `line`.
    public static let kind = "line"
    /// Points are joined straight.
    public static let steps = false
}

/// Steps after each point (`StepChart`).
public enum StepJoin: XYJoin {
    /// Class names say `step`.
    public static let kind = "step"
    /// Values hold until the next point.
    public static let steps = true
}

/// A chart of series over a numeric or time x axis; use it as `LineChart` or `StepChart`.
public struct XYChart<Join: XYJoin>: ChartSpec, Hashable {
    /// Makes element ids unique on a page (see `ChartSpec.id`).
    public var id: String
    /// The title: the `<title>` of the SVG and the `<caption>` of the table.
    public var title: String
    /// Written to `<desc>`.
    public var description: String
    /// The x axis title.
    public var xLabel: String
    /// The y axis title.
    public var yLabel: String
    /// How x values are written (use `.date` or `.dateTime` for epoch seconds).
    public var xFormat: ValueFormat
    /// How y values are written.
    public var format: ValueFormat
    /// The series; long ones are downsampled with largest-triangle-three-buckets.
    public var series: [LineSeries]
    /// Horizontal threshold lines.
    public var thresholds: [Threshold]
    /// Shaded horizontal bands.
    public var bands: [Band]
    /// Vertical event markers.
    public var events: [EventMarker]
    /// A y range always shown (e.g. 0...100 for traffic %); data outside it widens it.
    public var yRange: ClosedRange<Double>?
    /// For a time axis: where intervals begin (a rollout's stage starts). Each interval between them gets at least
    /// a tenth of the width, time is linear within it, and the axis marks where its scale changes; empty for one
    /// linear axis.
    public var xStops: [Double] = []

    /// A chart of `series` with optional thresholds, bands and events.
    public init(id: String, title: String, description: String = "", xLabel: String = "", yLabel: String = "",
                xFormat: ValueFormat = .integer, format: ValueFormat = .integer, series: [LineSeries] = [],
                thresholds: [Threshold] = [], bands: [Band] = [], events: [EventMarker] = [],
                yRange: ClosedRange<Double>? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xFormat = xFormat
        self.format = format
        self.series = series
        self.thresholds = thresholds
        self.bands = bands
        self.events = events
        self.yRange = yRange
    }

    /// The chart as an inline, accessible `<svg>`.
    public func svg() -> String { XYRenderer(chart: self).svg() }
    /// The charted data as an accessible HTML `<table>`.
    public func dataTable() -> String { XYRenderer(chart: self).dataTable() }
}
