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
    public static let kind = "line"
    public static let steps = false
}

/// Steps after each point (`StepChart`).
public enum StepJoin: XYJoin {
    public static let kind = "step"
    public static let steps = true
}

/// A chart of series over a numeric or time x axis; use it as `LineChart` or `StepChart`.
public struct XYChart<Join: XYJoin>: ChartSpec {
    public var id: String
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

    public func svg() -> String { XYRenderer(chart: self).svg() }
    public func dataTable() -> String { XYRenderer(chart: self).dataTable() }
}
