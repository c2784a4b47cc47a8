import FlightdeckCore

/// One bar of a timeline: a phase or interval with dates, or a milestone when it ends where it starts.
public struct TimelineItem: Sendable, Hashable {
    /// The row label.
    public var label: String
    /// The section it belongs to (rows are grouped by section, in order of first appearance); "" for none.
    public var section: String
    /// Start, in epoch seconds.
    public var start: Double
    /// End, in epoch seconds; equal to `start` (or missing) for a milestone.
    public var end: Double
    /// Its meaning (e.g. `.critical` for a critical-path task); nil colours by section.
    public var tone: Tone?

    /// A timeline item.
    public init(label: String, section: String = "", start: Double, end: Double, tone: Tone? = nil) {
        self.label = label
        self.section = section
        self.start = start
        self.end = end
        self.tone = tone
    }
}

/// A Gantt chart of phases by section on a date axis, with event markers (e.g. the release plan, an incident timeline).
public struct TimelineChart: ChartSpec, Hashable {
    /// Makes element ids unique on a page (see `ChartSpec.id`).
    public var id: String
    /// The title: the `<title>` of the SVG and the `<caption>` of the table.
    public var title: String
    /// Written to `<desc>`.
    public var description: String
    /// The time axis title.
    public var xLabel: String
    /// The header of the item column in the table.
    public var yLabel: String
    /// How times are written: `.date` or `.dateTime`.
    public var format: ValueFormat
    /// The items, top to bottom within their sections.
    public var items: [TimelineItem]
    /// Vertical markers (e.g. "detected", "resolved", "today").
    public var markers: [EventMarker]
    /// Where intervals of the time axis begin (a rollout's stage starts and ends): each interval between them
    /// is drawn at least a tenth of the width wide, with break marks where the scale changes (as `XYChart.xStops`).
    public var xStops: [Double] = []

    /// A timeline chart.
    public init(id: String, title: String, description: String = "", xLabel: String = "", yLabel: String = "",
                format: ValueFormat = .date, items: [TimelineItem] = [], markers: [EventMarker] = []) {
        self.id = id
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.format = format
        self.items = items
        self.markers = markers
    }

    /// The rows to draw: a header per named section, then its items (at most `Limits.maxRows` rows in all); items with no finite start are left out.
    var rows: [(section: String, item: TimelineItem?)] {
        let usable = items.filter(\.start.isFinite).prefix(Limits.maxRows)
        var sections: [String] = []
        for item in usable where !sections.contains(item.section) { sections.append(item.section) }
        var rows: [(section: String, item: TimelineItem?)] = []
        for section in sections {
            if !section.isEmpty { rows.append((section, nil)) }
            rows += usable.filter { $0.section == section }.map { (section, $0) }
        }
        return Array(rows.prefix(Limits.maxRows))
    }

    /// The end drawn for an item (its start for milestones and bad ends).
    static func end(_ item: TimelineItem) -> Double { item.end.isFinite && item.end > item.start ? item.end : item.start }

    /// The charted data as an accessible HTML `<table>`.
    public func dataTable() -> String {
        let format = format
        var table = DataTable(stem: Escape.identifier(id), caption: title,
                              columns: [yLabel.isEmpty ? "Item" : yLabel, "Section", "Start", "End", "Duration"])
        table.rows = rows.compactMap { row in
            guard let item = row.item else { return nil }
            let end = Self.end(item)
            return [item.label, item.section, format.format(item.start), end > item.start ? format.format(end) : "milestone",
                    end > item.start ? FigureText.duration(seconds: end - item.start) : "—"]
        }
        table.groups = [("Markers", markers.filter(\.x.isFinite).prefix(Limits.maxEvents).map { [format.format($0.x), $0.label] })]
        return table.html()
    }
}
