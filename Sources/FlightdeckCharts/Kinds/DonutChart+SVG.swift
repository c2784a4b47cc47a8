import Foundation

extension DonutChart {
    /// The chart as an inline, accessible `<svg>`.
    public func svg() -> String {
        let slices = shown
        let rows = Double(max(slices.count, 1))
        let height = max(240, rows * Legend.rowHeight + 40)
        var notes: [String] = total > 0 ? [] : ["No data."]
        if self.slices.count > slices.count { notes.append("Showing the first \(slices.count) of \(self.slices.count) parts.") }
        var doc = ChartDocument(kind: "donut", id: id, title: title,
                                description: ([description] + notes).filter { !$0.isEmpty }.joined(separator: " "),
                                width: 640, height: height)
        let (cx, cy, outer, inner) = (130.0, height / 2, 105.0, 64.0)
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
        let legend = Legend(items: slices.indices.map {
            .init(label: slices[$0].label + " — " + format.format(slices[$0].value) + " (" + share(slices[$0]) + ")", swatch: .fill(style($0)))
        })
        let top = cy - rows * Legend.rowHeight / 2
        for (index, item) in legend.items.enumerated() {
            Legend(items: [item]).draw(in: &doc, x: 270, y: top + Double(index) * Legend.rowHeight, width: 360)
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
