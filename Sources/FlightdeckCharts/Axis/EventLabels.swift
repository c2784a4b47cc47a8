/// Event markers: vertical lines across the plot with labels above it, stacked in rows so that labels never overlap.
struct EventLabels {
    static let maxRows = 4
    static let rowHeight = 15.0
    static let maxLabelWidth = 150.0
    /// The size widths are estimated at: labels are `.fd-tick` sized and bold (`.fd-event-label` in charts.css).
    static let textSize = TextMetrics.tickSize * TextMetrics.boldScale

    /// One placed label.
    struct Placed {
        var event: EventMarker
        var x: Double
        /// The estimated left end of the label.
        var start: Double
        /// The estimated width of the label.
        var width: Double
        /// How the label is anchored: centred on its line, or held at the left or right edge it would cross.
        var anchor: SVGWriter.Anchor
        var text: String?
        var row: Int

        /// The estimated right end of the label.
        var end: Double { start + width }

        /// The x the label is drawn at, for its anchor.
        var textX: Double {
            switch anchor {
            case .start: start
            case .middle: start + width / 2
            case .end: start + width
            }
        }
    }

    private(set) var placed: [Placed] = []
    private(set) var rows = 0

    /// Places labels of `events` at their x positions between `minX` and `maxX`.
    ///
    /// A label is centred on its line; one that would cross an edge is anchored to that edge instead
    /// (`text-anchor="end"` at `maxX`, start at `minX`), so it stays inside whatever the font's real widths.
    init(events: [EventMarker], scale: LinearScale, minX: Double, maxX: Double) {
        var ends: [Double] = []
        let size = Self.textSize
        let ordered = events.enumerated().sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }.map(\.element)
        for event in ordered {
            let x = scale(event.x)
            let short = TextMetrics.truncated(event.label, toWidth: min(Self.maxLabelWidth, max(maxX - minX, 0)), size: size)
            var text = short ?? event.label
            var width = TextMetrics.width(text, size: size)
            var anchor = SVGWriter.Anchor.middle
            var start = x - width / 2
            if start + width > maxX {
                start = maxX - width
                anchor = .end
            }
            if start < minX {
                start = minX
                anchor = .start
            }
            var row = ends.firstIndex { $0 + 6 <= start } ?? (ends.count < Self.maxRows ? ends.count : nil)
            if row == nil, let (index, end) = ends.enumerated().min(by: { $0.element < $1.element }) {
                // Every row is taken here: squeeze the label after the row that ends first, or drop it (the tooltip keeps it).
                start = end + 6
                anchor = .start
                let room = maxX - start
                if let squeezed = TextMetrics.truncated(text, toWidth: room, size: size) { text = squeezed }
                width = TextMetrics.width(text, size: size)
                row = room >= 30 ? index : nil
            }
            guard let row else {
                placed.append(Placed(event: event, x: x, start: x, width: 0, anchor: .start, text: nil, row: 0))
                continue
            }
            if row == ends.count { ends.append(0) }
            ends[row] = start + width
            placed.append(Placed(event: event, x: x, start: start, width: width, anchor: anchor, text: text, row: row))
        }
        rows = ends.count
    }

    /// Room above the plot.
    var height: Double { Double(rows) * Self.rowHeight + (rows > 0 ? 4 : 0) }

    /// Draws lines across `plot` and labels in rows starting at `top`.
    func draw(in doc: inout ChartDocument, plot: Rect, top: Double, format: ValueFormat) {
        for item in placed {
            doc.writer.group("fd-event fd-tone-" + item.event.tone.rawValue, tooltip: item.event.label + ": " + format.format(item.event.x))
            let labelY = top + Double(item.row) * Self.rowHeight + 10
            doc.writer.line(item.x, item.text == nil ? plot.y : labelY + 3, item.x, plot.maxY, class: "fd-event-line")
            if let text = item.text {
                doc.writer.label(text, x: item.textX, y: labelY, class: "fd-event-label", anchor: item.anchor)
            }
            doc.writer.endGroup()
        }
    }
}
