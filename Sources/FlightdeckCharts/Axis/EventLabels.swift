/// Event markers: vertical lines across the plot with labels above it, stacked in rows so that labels never overlap.
struct EventLabels {
    static let maxRows = 4
    static let rowHeight = 14.0
    static let maxLabelWidth = 150.0

    /// One placed label.
    struct Placed {
        var event: EventMarker
        var x: Double
        var textX: Double
        var text: String?
        var row: Int
    }

    private(set) var placed: [Placed] = []
    private(set) var rows = 0

    /// Places labels of `events` at their x positions between `minX` and `maxX`.
    init(events: [EventMarker], scale: LinearScale, minX: Double, maxX: Double) {
        var ends: [Double] = []
        let ordered = events.enumerated().sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }.map(\.element)
        for event in ordered {
            let x = scale(event.x)
            let short = TextMetrics.truncated(event.label, toWidth: Self.maxLabelWidth, size: TextMetrics.tickSize)
            var text = short ?? event.label
            var width = TextMetrics.width(text, size: TextMetrics.tickSize)
            var start = min(max(x - width / 2, minX), maxX - width)
            var row = ends.firstIndex { $0 + 6 <= start } ?? (ends.count < Self.maxRows ? ends.count : nil)
            if row == nil, let (index, end) = ends.enumerated().min(by: { $0.element < $1.element }) {
                // Every row is taken here: squeeze the label after the row that ends first, or drop it (the tooltip keeps it).
                start = end + 6
                let room = maxX - start
                if let squeezed = TextMetrics.truncated(text, toWidth: room, size: TextMetrics.tickSize) { text = squeezed }
                width = TextMetrics.width(text, size: TextMetrics.tickSize)
                row = room >= 30 ? index : nil
            }
            guard let row else {
                placed.append(Placed(event: event, x: x, textX: x, text: nil, row: 0))
                continue
            }
            if row == ends.count { ends.append(0) }
            ends[row] = start + width
            placed.append(Placed(event: event, x: x, textX: start, text: text, row: row))
        }
        rows = ends.count
    }

    /// Room above the plot.
    var height: Double { Double(rows) * Self.rowHeight + (rows > 0 ? 4 : 0) }

    /// Draws lines across `plot` and labels in rows starting at `top`.
    func draw(in doc: inout ChartDocument, plot: Rect, top: Double, format: ValueFormat) {
        for item in placed {
            doc.writer.raw("<g class=\"fd-event fd-tone-" + item.event.tone.rawValue + "\"><title>"
                + Escape.svg(item.event.label + ": " + format.format(item.event.x), limit: Limits.maxTooltipLength) + "</title>")
            let labelY = top + Double(item.row) * Self.rowHeight + 10
            doc.writer.line(item.x, item.text == nil ? plot.y : labelY + 3, item.x, plot.maxY, class: "fd-event-line")
            if let text = item.text {
                doc.writer.label(text, x: item.textX, y: labelY, class: "fd-event-label")
            }
            doc.writer.endGroup()
        }
    }
}
