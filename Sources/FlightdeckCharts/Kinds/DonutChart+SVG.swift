import Foundation

extension DonutChart {
    /// The width of the donut's viewBox: half the other charts', its legend under the ring, so that a phone shows
    /// it whole with its text at 11 px or more (`charts.css` sizes it between 11/12 and 1.2 times this).
    public static let width = 320.0
    /// The least room left and right of the legend.
    static let margin = 8.0

    /// The chart as an inline, accessible `<svg>`: the ring, then its legend under it, one part a row.
    public func svg() -> String {
        let slices = shown
        let rows = Double(slices.count)
        let (cx, cy, outer, inner) = (Self.width / 2, 115.0, 105.0, 64.0)
        let legendTop = cy + outer + 16
        let height = total > 0 ? legendTop + rows * Legend.rowHeight + 8 : cy + outer + 10
        var notes: [String] = total > 0 ? [] : ["No data."]
        if self.slices.count > slices.count { notes.append("Showing the first \(slices.count) of \(self.slices.count) parts.") }
        var doc = ChartDocument(kind: "donut", id: id, title: title,
                                description: ([description] + notes).filter { !$0.isEmpty }.joined(separator: " "),
                                width: Self.width, height: height)
        if total <= 0 {
            var ring = PathData()
            Self.ring(&ring, cx: cx, cy: cy, outer: outer, inner: inner)
            doc.writer.path(ring, class: "fd-slice fd-empty-ring fd-fill fd-tone-neutral")
            doc.writer.label("No data", x: cx, y: cy, class: "fd-empty", anchor: .middle, middle: true)
            return doc.finish()
        }
        var angle = 0.0
        for (index, slice) in slices.enumerated() where slice.value.isFinite && slice.value > 0 {
            let sweep = slice.value / total * 2 * .pi
            var path = PathData()
            if sweep >= 2 * .pi - 1e-9 {
                Self.ring(&path, cx: cx, cy: cy, outer: outer, inner: inner)
            } else {
                Self.wedge(&path, cx: cx, cy: cy, outer: outer, inner: inner, from: angle, to: angle + sweep)
            }
            let paint = doc.paint(style(index), base: "fd-slice")
            doc.writer.path(path, class: paint.classes, fill: paint.fill,
                            tooltip: slice.label + ": " + format.format(slice.value) + " (" + share(slice) + ")")
            angle += sweep
        }
        if !centerLabel.isEmpty {
            doc.writer.label(centerLabel, x: cx, y: cy + (centerCaption.isEmpty ? 0 : -6), class: "fd-center-label", anchor: .middle, middle: true)
        }
        if !centerCaption.isEmpty {
            doc.writer.label(centerCaption, x: cx, y: cy + 16, class: "fd-tick", anchor: .middle, middle: true)
        }
        // One part a row, the rows' block centred under the ring; a label is cut only past the chart's width.
        var legend = Legend(items: slices.indices.map {
            .init(label: slices[$0].label + " — " + format.format(slices[$0].value) + " (" + share(slices[$0]) + ")", swatch: .fill(style($0)))
        })
        legend.labelWidth = Self.width - 2 * Self.margin - 28
        let left = max(Self.margin, (Self.width - (legend.items.map(legend.itemWidth).max() ?? 0)) / 2)
        for (index, item) in legend.items.enumerated() {
            var row = legend
            row.items = [item]
            row.draw(in: &doc, x: left, y: legendTop + Double(index) * Legend.rowHeight, width: Self.width - left)
        }
        return doc.finish()
    }

    /// A full ring as two half arcs each way (a single arc cannot close a circle).
    static func ring(_ path: inout PathData, cx: Double, cy: Double, outer: Double, inner: Double) {
        path.move(cx, cy - outer)
        path.arc(radius: outer, large: true, sweep: true, cx, cy + outer)
        path.arc(radius: outer, large: true, sweep: true, cx, cy - outer)
        path.move(cx, cy - inner)
        path.arc(radius: inner, large: true, sweep: false, cx, cy + inner)
        path.arc(radius: inner, large: true, sweep: false, cx, cy - inner)
        path.close()
    }

    /// A ring segment between angles (radians, clockwise from the top).
    static func wedge(_ path: inout PathData, cx: Double, cy: Double, outer: Double, inner: Double, from: Double, to: Double) {
        func point(_ radius: Double, _ angle: Double) -> (Double, Double) { (cx + radius * sin(angle), cy - radius * cos(angle)) }
        let large = to - from > .pi
        let (ox0, oy0) = point(outer, from), (ox1, oy1) = point(outer, to)
        let (ix1, iy1) = point(inner, to), (ix0, iy0) = point(inner, from)
        path.move(ox0, oy0)
        path.arc(radius: outer, large: large, sweep: true, ox1, oy1)
        path.line(ix1, iy1)
        path.arc(radius: inner, large: large, sweep: false, ix0, iy0)
        path.close()
    }
}
