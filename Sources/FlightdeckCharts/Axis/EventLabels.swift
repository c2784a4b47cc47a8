/// Event markers: vertical lines across the plot with labels above it, stacked in rows so that labels never overlap
/// and are never shortened (only a label wider than `maxLabelWidth`, about 45 characters, is; its tooltip and the
/// chart's data table keep it whole).
///
/// Each label is centred on its line where a row has room; else it opens a new row, up to `preferredRows`; past
/// those it moves right along the row where it moves least, joined to its line by a leader; and when no row has room
/// at all it opens a further row, up to `maxRows`, so that every label is drawn whole.
struct EventLabels {
    /// Rows opened before labels are moved along a row instead.
    static let preferredRows = 6
    /// Rows at most: a label with no room in any is left to its tooltip and the data table (a crowd no rollout has).
    static let maxRows = 12
    static let rowHeight = 15.0
    /// The widest label drawn whole ("emergency rollback → general_availability (checkout)" fits).
    static let maxLabelWidth = 340.0
    /// The gap kept between two labels of a row.
    static let gap = 6.0
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

        /// Where a leader from the event's line meets the label, when the label is not above its line; else nil.
        var leaderEnd: Double? {
            guard text != nil else { return nil }
            if x < start - 1 { return start - 2 }
            if x > end + 1 { return end + 2 }
            return nil
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
            let text = short ?? event.label
            let width = TextMetrics.width(text, size: size)
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
            var row = ends.firstIndex { $0 + Self.gap <= start }
            if row == nil, ends.count >= Self.preferredRows {
                // Every preferred row is taken here: move the label right along the row where it moves least.
                let moves = ends.enumerated().compactMap { index, end -> (row: Int, start: Double)? in
                    let moved = end + Self.gap
                    return moved + width <= maxX ? (index, moved) : nil
                }
                if let best = moves.min(by: { ($0.start, $0.row) < ($1.start, $1.row) }) {
                    row = best.row
                    start = best.start
                    anchor = .start
                }
            }
            guard let chosen = row ?? (ends.count < Self.maxRows ? ends.count : nil) else {
                // A crowd past every row: the line and its tooltip stay; the data table lists the event.
                placed.append(Placed(event: event, x: x, start: x, width: 0, anchor: .start, text: nil, row: 0))
                continue
            }
            if chosen == ends.count { ends.append(0) }
            ends[chosen] = start + width
            placed.append(Placed(event: event, x: x, start: start, width: width, anchor: anchor, text: text, row: chosen))
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
            if let leaderEnd = item.leaderEnd {
                // The label sits beside its line: a leader joins them at the label's middle.
                let leaderY = labelY - 4
                doc.writer.line(item.x, leaderY, item.x, plot.maxY, class: "fd-event-line")
                doc.writer.line(item.x, leaderY, leaderEnd, leaderY, class: "fd-event-line fd-event-leader")
            } else {
                doc.writer.line(item.x, item.text == nil ? plot.y : labelY + 3, item.x, plot.maxY, class: "fd-event-line")
            }
            if let text = item.text {
                doc.writer.label(text, x: item.textX, y: labelY, class: "fd-event-label", anchor: item.anchor)
            }
            doc.writer.endGroup()
        }
    }
}
