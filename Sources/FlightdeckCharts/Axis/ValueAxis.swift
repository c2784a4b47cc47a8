/// A value axis drawn along the left (vertical) or the bottom (horizontal) of the plot, with grid lines.
struct ValueAxis {
    var ticks: TickSet
    var title: String
    /// Stops of a horizontal axis whose scale changes between them (see `StopAxis`); empty for a linear one.
    var stops: [(value: Double, fraction: Double)] = []

    /// Room the vertical axis needs left of the plot: tick labels and the rotated title.
    var leftMargin: Double {
        let widest = ticks.labels.map { TextMetrics.width($0, size: TextMetrics.tickSize) }.max() ?? 0
        return widest + 10 + (title.isEmpty ? 4 : 22)
    }

    /// Room the horizontal axis needs below the plot.
    var bottomMargin: Double { title.isEmpty ? 24 : 42 }

    /// The scale from data to y positions in `plot`.
    func verticalScale(_ plot: Rect) -> LinearScale {
        LinearScale(domain: ticks.lo, ticks.hi, range: plot.maxY, plot.y)
    }

    /// The scale from data to x positions in `plot`.
    func horizontalScale(_ plot: Rect) -> LinearScale {
        var scale = LinearScale(domain: ticks.lo, ticks.hi, range: plot.x, plot.maxX)
        scale.stops = stops
        return scale
    }

    /// Grid lines, tick labels and title for an axis along the left of `plot`.
    func drawVertical(in doc: inout ChartDocument, plot: Rect) {
        let scale = verticalScale(plot)
        doc.writer.group("fd-axis fd-axis-y")
        for (value, label) in zip(ticks.values, ticks.labels) {
            let y = scale(value)
            doc.writer.line(plot.x, y, plot.maxX, y, class: value == 0 ? "fd-grid fd-zero" : "fd-grid")
            doc.writer.label(label, x: plot.x - 6, y: y, class: "fd-tick", anchor: .end, middle: true)
        }
        if !title.isEmpty {
            let short = TextMetrics.truncated(title, toWidth: plot.height, size: TextMetrics.tickSize * TextMetrics.boldScale)
            doc.writer.label(short ?? title, x: 12, y: plot.midY, class: "fd-axis-title", anchor: .middle,
                             rotate: -90, middle: true, full: short == nil ? nil : title)
        }
        doc.writer.endGroup()
    }

    /// Grid lines, tick labels and title for an axis along the bottom of `plot`, in a chart `width` wide.
    func drawHorizontal(in doc: inout ChartDocument, plot: Rect, width: Double, grid: Bool = true) {
        let scale = horizontalScale(plot)
        doc.writer.group("fd-axis fd-axis-x")
        doc.writer.line(plot.x, plot.maxY, plot.maxX, plot.maxY, class: "fd-baseline")
        for (value, label) in zip(ticks.values, ticks.labels) {
            let x = scale(value)
            if grid { doc.writer.line(x, plot.y, x, plot.maxY, class: value == 0 ? "fd-grid fd-zero" : "fd-grid") }
            let half = TextMetrics.width(label, size: TextMetrics.tickSize) / 2
            let centre = min(max(x, half + 2), width - half - 2)
            doc.writer.label(label, x: centre, y: plot.maxY + 16, class: "fd-tick", anchor: .middle)
        }
        // A break mark (two short slashes across the baseline) where the scale changes.
        for stop in StopAxis.breaks(stops) {
            let x = scale(stop)
            for offset in [-2.5, 2.5] {
                doc.writer.line(x + offset - 2.5, plot.maxY + 5, x + offset + 2.5, plot.maxY - 5, class: "fd-baseline fd-axis-break")
            }
        }
        if !title.isEmpty {
            let short = TextMetrics.truncated(title, toWidth: plot.width, size: TextMetrics.tickSize * TextMetrics.boldScale)
            doc.writer.label(short ?? title, x: plot.midX, y: plot.maxY + 36, class: "fd-axis-title", anchor: .middle,
                             full: short == nil ? nil : title)
        }
        doc.writer.endGroup()
    }
}
