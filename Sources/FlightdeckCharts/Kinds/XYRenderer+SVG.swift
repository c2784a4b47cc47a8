/// Drawing of line and step charts.
extension XYRenderer {
    static var width: Double { 640 }
    static var height: Double { 320 }

    /// The least height the plot keeps however many rows of event labels are above it: the chart grows instead.
    static var minimumPlotHeight: Double { 200 }

    func svg() -> String {
        let points = series.reduce(0) { $0 + $1.points.count }
        var legend = Legend(items: [])
        if series.count > 1 { legend.items += series.indices.map { .init(label: series[$0].name, swatch: .line(series: $0)) } }
        legend.items += bands.map { .init(label: $0.label, swatch: .band($0.tone)) }
        let legendHeight = legend.layout(width: Self.width - 20).height
        guard !isEmpty else {
            var doc = ChartDocument(kind: Join.kind, id: chart.id, title: chart.title, description: description,
                                    width: Self.width, height: Self.height)
            return doc.finishEmpty()
        }
        let allPoints = series.flatMap(\.points)
        let xs = allPoints.map(\.x) + events.map(\.x)
        var ys = allPoints.map(\.y) + thresholds.map(\.value) + bands.flatMap { [$0.from, $0.to] }
        if let range = chart.yRange, range.lowerBound.isFinite, range.upperBound.isFinite {
            ys += [range.lowerBound, range.upperBound]
        }
        let yAxis = ValueAxis(ticks: TickSet.make(lo: ys.min() ?? 0, hi: ys.max() ?? 1, count: 5, format: chart.format),
                              title: chart.yLabel)
        let left = yAxis.leftMargin
        let plotWidth = Self.width - left - 18
        var xAxis = ValueAxis(ticks: TickSet.fitting(lo: xs.min() ?? 0, hi: xs.max() ?? 1, length: plotWidth, format: chart.xFormat),
                              title: chart.xLabel)
        var described = description
        if chart.xFormat.isTime, let stops = StopAxis.stops(chart.xStops, lo: xs.min() ?? 0, hi: xs.max() ?? 1) {
            xAxis = ValueAxis(ticks: StopAxis.ticks(stops, length: plotWidth), title: chart.xLabel, stops: stops)
            if !StopAxis.breaks(stops).isEmpty {
                described += (described.isEmpty ? "" : " ") + "Each interval of the time axis (a stage) is drawn at least a tenth of its width wide, so the scale changes at the marked breaks."
            }
        }
        let xScale = xAxis.horizontalScale(Rect(x: left, y: 0, width: plotWidth, height: 0))
        let eventLabels = EventLabels(events: events, scale: xScale, minX: left, maxX: Self.width - 4)
        let top = 10 + legendHeight + eventLabels.height
        let height = max(Self.height, top + Self.minimumPlotHeight + xAxis.bottomMargin)
        let plot = Rect(x: left, y: top, width: plotWidth, height: height - top - xAxis.bottomMargin)
        var doc = ChartDocument(kind: Join.kind, id: chart.id, title: chart.title, description: described,
                                width: Self.width, height: height, capacity: 4096 + points * 14)
        legend.draw(in: &doc, x: 10, y: 8, width: Self.width - 20)
        let yScale = yAxis.verticalScale(plot)
        drawBands(in: &doc, plot: plot, scale: yScale)
        yAxis.drawVertical(in: &doc, plot: plot)
        xAxis.drawHorizontal(in: &doc, plot: plot, width: Self.width, grid: false)
        drawThresholds(in: &doc, plot: plot, scale: yScale)
        for (index, line) in series.enumerated() {
            drawSeries(index, line, in: &doc, x: xScale, y: yScale)
        }
        eventLabels.draw(in: &doc, plot: plot, top: 10 + legendHeight, format: chart.xFormat)
        return doc.finish()
    }

    private func drawBands(in doc: inout ChartDocument, plot: Rect, scale: LinearScale) {
        for band in bands {
            let y1 = scale.clamped(max(band.from, band.to)), y2 = scale.clamped(min(band.from, band.to))
            let tip = band.label + ": " + chart.format.format(min(band.from, band.to)) + " to " + chart.format.format(max(band.from, band.to))
            doc.writer.rect(Rect(x: plot.x, y: y1, width: plot.width, height: y2 - y1), class: "fd-band fd-tone-" + band.tone.rawValue,
                            tooltip: tip)
        }
    }

    private func drawThresholds(in doc: inout ChartDocument, plot: Rect, scale: LinearScale) {
        // Labels sit above their line; one that would touch the label above it goes under its line instead.
        var taken: [Double] = []
        for threshold in thresholds.sorted(by: { $0.value > $1.value }) {
            let y = scale(threshold.value)
            let tone = "fd-tone-" + threshold.tone.rawValue
            doc.writer.line(plot.x, y, plot.maxX, y, class: "fd-threshold " + tone)
            var labelY = y - 4
            if taken.contains(where: { abs($0 - labelY) < 12 }) { labelY = y + 12 }
            guard !taken.contains(where: { abs($0 - labelY) < 12 }) else { continue }
            taken.append(labelY)
            let short = TextMetrics.truncated(threshold.label, toWidth: plot.width / 2, size: TextMetrics.tickSize)
            doc.writer.label(short ?? threshold.label, x: plot.maxX - 4, y: labelY, class: "fd-threshold-label " + tone,
                             anchor: .end, full: threshold.label + ": " + chart.format.format(threshold.value))
        }
    }

    private func drawSeries(_ index: Int, _ line: (name: String, points: [Point]), in doc: inout ChartDocument,
                            x: LinearScale, y: LinearScale) {
        guard let first = line.points.first else { return }
        doc.writer.group("fd-series " + SeriesStyle.colorClass(index) + " fd-k" + String(index % SeriesStyle.count + 1))
        var path = PathData()
        path.move(x(first.x), y(first.y))
        for point in line.points.dropFirst() {
            if Join.steps {
                path.horizontal(x(point.x))
                path.vertical(y(point.y))
            } else {
                path.line(x(point.x), y(point.y))
            }
        }
        doc.writer.path(path, class: "fd-line")
        // Every point gets a marker in short series; long ones get a few, only to tell series apart.
        let detailed = line.points.count <= 40
        guard detailed || series.count > 1 else { return doc.writer.endGroup() }
        let every = detailed ? 1 : (line.points.count + 9) / 10
        for (order, point) in line.points.enumerated() where order % every == 0 {
            let tip = detailed ? line.name + ": " + chart.xFormat.format(point.x) + ", " + chart.format.format(point.y) : nil
            doc.marker(index, x: x(point.x), y: y(point.y), tooltip: tip)
        }
        doc.writer.endGroup()
    }
}
