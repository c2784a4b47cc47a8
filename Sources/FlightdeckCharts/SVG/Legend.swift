/// A row (wrapping as needed) of swatches with labels above the plot.
struct Legend {
    /// What an entry's swatch shows.
    enum Swatch {
        case fill(FillStyle)
        case line(series: Int)
        case rule(Tone)
        case band(Tone)
    }

    /// One entry.
    struct Item {
        var label: String
        var swatch: Swatch
    }

    static let rowHeight = 18.0
    static let maxLabelWidth = 170.0
    var items: [Item]
    /// Where a label is cut (with an ellipsis, its whole text in its tooltip).
    var labelWidth = Legend.maxLabelWidth

    /// The positions of every item in rows of at most `width`; the total height.
    func layout(width: Double) -> (positions: [(x: Double, row: Int)], height: Double) {
        var positions: [(x: Double, row: Int)] = []
        var x = 0.0, row = 0
        for item in items {
            let size = itemWidth(item)
            if x > 0, x + size > width { x = 0; row += 1 }
            positions.append((x, row))
            x += size + 14
        }
        return (positions, items.isEmpty ? 0 : Double(row + 1) * Self.rowHeight + 6)
    }

    /// Draws the legend with its top-left corner at (x, y).
    func draw(in doc: inout ChartDocument, x: Double, y: Double, width: Double) {
        guard !items.isEmpty else { return }
        doc.writer.group("fd-legend")
        let positions = layout(width: width).positions
        for (item, position) in zip(items, positions) {
            let left = x + position.x
            let mid = y + Double(position.row) * Self.rowHeight + 9
            drawSwatch(item.swatch, in: &doc, x: left, y: mid)
            let short = TextMetrics.truncated(item.label, toWidth: labelWidth, size: TextMetrics.size)
            doc.writer.label(short ?? item.label, x: left + 20, y: mid, class: "fd-legend-label", middle: true,
                             full: short == nil ? nil : item.label)
        }
        doc.writer.endGroup()
    }

    /// How wide an entry is drawn: its swatch and its label, cut at `labelWidth`.
    func itemWidth(_ item: Item) -> Double {
        20 + min(TextMetrics.width(item.label, size: TextMetrics.size), labelWidth + 8)
    }

    private func drawSwatch(_ swatch: Swatch, in doc: inout ChartDocument, x: Double, y: Double) {
        switch swatch {
        case .fill(let style):
            let paint = doc.paint(style, base: "fd-swatch")
            doc.writer.rect(Rect(x: x, y: y - 6, width: 14, height: 12), class: paint.classes, fill: paint.fill)
        case .line(let series):
            doc.writer.group(SeriesStyle.colorClass(series) + " fd-k" + String(series % SeriesStyle.count + 1))
            doc.writer.line(x, y, x + 16, y, class: "fd-line")
            doc.marker(series, x: x + 8, y: y)
            doc.writer.endGroup()
        case .rule(let tone):
            doc.writer.line(x, y, x + 16, y, class: "fd-threshold fd-tone-" + tone.rawValue)
        case .band(let tone):
            doc.writer.rect(Rect(x: x, y: y - 6, width: 16, height: 12), class: "fd-band fd-tone-" + tone.rawValue)
        }
    }
}
