/// One data point of a line or step chart.
public struct Point: Sendable, Hashable {
    /// Position along the x axis (a number, or epoch seconds for date formats).
    public var x: Double
    /// Value along the y axis; a point with a non-finite x or y is left out (the line joins its neighbours).
    public var y: Double

    /// A point at (x, y).
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A named series of points; points need not be sorted.
public struct LineSeries: Sendable, Hashable {
    /// The series name, shown in the legend and as a table column.
    public var name: String
    /// The points.
    public var points: [Point]

    /// A series from points.
    public init(name: String, points: [Point]) {
        self.name = name
        self.points = points
    }

    /// A series from parallel x and y arrays (extra values of the longer one are ignored).
    public init(name: String, x: [Double], y: [Double]) {
        self.init(name: name, points: zip(x, y).map { Point(x: $0, y: $1) })
    }
}

/// A horizontal threshold line, e.g. "warning" at 1% error rate.
public struct Threshold: Sendable, Hashable {
    /// The label drawn at the line's end.
    public var label: String
    /// The y value.
    public var value: Double
    /// Its meaning (usually `.warning` or `.critical`).
    public var tone: Tone

    /// A threshold line.
    public init(label: String, value: Double, tone: Tone = .warning) {
        self.label = label
        self.value = value
        self.tone = tone
    }
}

/// A shaded horizontal band between two y values, e.g. the zone between the warning and critical thresholds.
public struct Band: Sendable, Hashable {
    /// The band's name, in the legend.
    public var label: String
    /// One edge.
    public var from: Double
    /// The other edge.
    public var to: Double
    /// Its meaning.
    public var tone: Tone

    /// A band between `from` and `to`.
    public init(label: String, from: Double, to: Double, tone: Tone = .warning) {
        self.label = label
        self.from = from
        self.to = to
        self.tone = tone
    }
}

/// A labelled vertical marker at an x position, e.g. "advance to 50%" or "rollback".
public struct EventMarker: Sendable, Hashable {
    /// The label drawn above the plot.
    public var label: String
    /// The x position.
    public var x: Double
    /// Its meaning (`.info` for an advance, `.negative` for a rollback).
    public var tone: Tone

    /// An event marker.
    public init(label: String, x: Double, tone: Tone = .info) {
        self.label = label
        self.x = x
        self.tone = tone
    }
}
