extension GroupedBarChart {
    /// The chart as an inline, accessible `<svg>`.
    public func svg() -> String {
        let categories = shownCategories, series = shownSeries
        let desc = ([description] + notes).filter { !$0.isEmpty }.joined(separator: " ")
        var values: [Double] = [0]
        for line in series {
            for index in categories.indices where line.value(index).isFinite {
                values += [line.value(index) - line.error(index), line.value(index) + line.error(index)]
            }
        }
        let legend = Legend(items: series.count > 1 ? series.indices.map { .init(label: series[$0].name, swatch: .fill(.series($0))) } : [])
        let ticks = TickSet.make(lo: values.min() ?? 0, hi: values.max() ?? 1, count: 5, format: format)
        let frame = ColumnFrame(categories: categories, xTitle: xLabel, yTicks: ticks, yTitle: yLabel, legend: legend, headroom: 14)
        var doc = ChartDocument(kind: "bar", id: id, title: title, description: desc, width: ColumnFrame.width, height: frame.height)
        guard !isEmpty else {
            return doc.finishEmpty()
        }
        frame.drawBackground(in: &doc)
        let group = frame.band * 0.8
        let barWidth = group / Double(max(series.count, 1))
        let scale = frame.yScale
        let zero = scale(0)
        let labels = categories.count * series.count <= 40
        for (s, line) in series.enumerated() {
            doc.writer.group("fd-series " + SeriesStyle.colorClass(s))
            var errorBars = PathData()
            for (index, category) in categories.enumerated() {
                let value = line.value(index)
                guard value.isFinite else { continue }
                let x = frame.centre(index) - group / 2 + Double(s) * barWidth
                let y = scale(value)
                let error = line.error(index)
                var tip = category + " · " + line.name + ": " + format.format(value)
                if error > 0 { tip += " ± " + format.format(error) }
                let paint = doc.paint(.series(s), base: "fd-bar")
                doc.writer.rect(Rect(x: x + 0.5, y: min(y, zero), width: max(barWidth - 1, 0.5), height: abs(zero - y)),
                                class: paint.classes, fill: paint.fill, tooltip: tip)
                let centre = x + barWidth / 2
                if error > 0 {
                    let top = scale(value + error), bottom = scale(value - error), cap = min(barWidth * 0.3, 6)
                    errorBars.move(centre, top)
                    errorBars.vertical(bottom)
                    errorBars.move(centre - cap, top)
                    errorBars.horizontal(centre + cap)
                    errorBars.move(centre - cap, bottom)
                    errorBars.horizontal(centre + cap)
                }
                let text = format.format(value)
                if labels, TextMetrics.width(text, size: TextMetrics.tickSize) <= barWidth - 2 {
                    let end = value >= 0 ? scale(value + error) - 4 : scale(value - error) + 12
                    doc.writer.label(text, x: centre, y: end, class: "fd-value", anchor: .middle)
                }
            }
            // One path for the series' error bars: a chart of 400 bars stays small.
            if !errorBars.isEmpty { doc.writer.path(errorBars, class: "fd-errorbar") }
            doc.writer.endGroup()
        }
        frame.drawCategories(in: &doc)
        return doc.finish()
    }
}
