extension StackedBarChart {
    /// The chart as an inline, accessible `<svg>`.
    public func svg() -> String {
        let categories = shownCategories, series = shownSeries
        var notes = isEmpty ? ["No data."] : []
        if self.categories.count > categories.count {
            notes.append("Showing the first \(categories.count) of \(self.categories.count) categories.")
        }
        if self.series.count > series.count { notes.append("Showing the first \(series.count) of \(self.series.count) series.") }
        let desc = ([description] + notes).filter { !$0.isEmpty }.joined(separator: " ")
        // Segment extents per category: positives stack up from zero, negatives down.
        var segments: [[(lo: Double, hi: Double, value: Double)?]] = []
        var lo = 0.0, hi = 0.0
        for index in categories.indices {
            var up = 0.0, down = 0.0
            let total = total(index)
            var row: [(lo: Double, hi: Double, value: Double)?] = []
            for line in series {
                let value = line.value(index)
                guard value.isFinite, value != 0 else { row.append(nil); continue }
                let shown = normalized ? (total > 0 ? value / total * 100 : 0) : value
                if shown >= 0 { row.append((up, up + shown, value)); up += shown } else { row.append((down + shown, down, value)); down += shown }
            }
            lo = min(lo, down)
            hi = max(hi, up)
            segments.append(row)
        }
        let axisFormat: ValueFormat = normalized ? .percent(decimals: 0) : format
        let legend = Legend(items: series.indices.map { .init(label: series[$0].name, swatch: .fill(style($0))) })
        let ticks = TickSet.make(lo: lo, hi: normalized ? max(hi, 100) : hi, count: 5, format: axisFormat)
        let frame = ColumnFrame(categories: categories, xTitle: xLabel, yTicks: ticks, yTitle: yLabel, legend: legend)
        var doc = ChartDocument(kind: "stacked", id: id, title: title, description: desc, width: ColumnFrame.width, height: frame.height)
        guard !isEmpty else {
            return doc.finishEmpty()
        }
        frame.drawBackground(in: &doc)
        let scale = frame.yScale
        let barWidth = min(frame.band * 0.7, 90)
        for (s, line) in series.enumerated() {
            doc.writer.group("fd-series")
            for (index, category) in categories.enumerated() {
                guard let segment = segments[index][s] else { continue }
                let top = scale(segment.hi), bottom = scale(segment.lo)
                var tip = category + " · " + line.name + ": " + format.format(segment.value)
                if normalized { tip += " (" + ValueFormat.percent(decimals: 1).format(segment.hi - segment.lo) + ")" }
                let paint = doc.paint(style(s), base: "fd-bar")
                doc.writer.rect(Rect(x: frame.centre(index) - barWidth / 2, y: top, width: barWidth, height: bottom - top),
                                class: paint.classes, fill: paint.fill, tooltip: tip)
            }
            doc.writer.endGroup()
        }
        frame.drawCategories(in: &doc)
        return doc.finish()
    }
}
