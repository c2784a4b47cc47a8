/// One bar of a horizontal bar chart.
public struct Bar: Sendable, Hashable {
    /// The row label.
    public var label: String
    /// The value; a non-finite value is missing and draws no bar.
    public var value: Double
    /// Its meaning, which picks the colour; nil uses the first series colour.
    public var tone: Tone?

    /// A bar.
    public init(label: String, value: Double, tone: Tone? = nil) {
        self.label = label
        self.value = value
        self.tone = tone
    }
}

/// One bar per row, in the given order (e.g. slowest tests, improvement per operation); negative values extend left of zero.
public struct HorizontalBarChart: ChartSpec, Hashable {
    /// Makes element ids unique on a page (see `ChartSpec.id`).
    public var id: String
    /// The title: the `<title>` of the SVG and the `<caption>` of the table.
    public var title: String
    /// Written to `<desc>`.
    public var description: String
    /// The value axis title (along the bottom).
    public var xLabel: String
    /// The header of the label column in the table.
    public var yLabel: String
    /// How values are written.
    public var format: ValueFormat
    /// The bars, top to bottom.
    public var bars: [Bar]

    /// A horizontal bar chart.
    public init(id: String, title: String, description: String = "", xLabel: String = "", yLabel: String = "",
                format: ValueFormat = .integer, bars: [Bar] = []) {
        self.id = id
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.format = format
        self.bars = bars
    }

    var shown: [Bar] { Array(bars.prefix(Limits.maxRows)) }

    var notes: [String] {
        var notes: [String] = shown.contains { $0.value.isFinite } ? [] : ["No data."]
        if bars.count > shown.count { notes.append("Showing the first \(shown.count) of \(bars.count) bars.") }
        return notes
    }

    /// The charted data as an accessible HTML `<table>`.
    public func dataTable() -> String {
        var table = DataTable(stem: Escape.identifier(id), caption: title,
                              columns: [yLabel.isEmpty ? "Item" : yLabel, xLabel.isEmpty ? "Value" : xLabel])
        table.rows = shown.map { [$0.label, format.format($0.value)] }
        return table.html()
    }

    /// The chart as an inline, accessible `<svg>`.
    public func svg() -> String {
        let bars = shown
        let values = bars.map(\.value).filter(\.isFinite)
        let desc = ([description] + notes).filter { !$0.isEmpty }.joined(separator: " ")
        let valueWidth = (values.map { TextMetrics.width(format.format($0), size: TextMetrics.tickSize) }.max() ?? 0) + 8
        let negative = values.contains { $0 < 0 }
        let frame = RowFrame(labels: bars.map(\.label), lo: min(values.min() ?? 0, 0), hi: max(values.max() ?? 1, 0),
                             format: format, title: xLabel, top: 10, rowHeight: 22,
                             leftExtra: negative ? valueWidth : 0, rightExtra: valueWidth + 6)
        var doc = ChartDocument(kind: "hbar", id: id, title: title, description: desc, width: RowFrame.width, height: frame.height)
        guard !values.isEmpty else {
            return doc.finishEmpty()
        }
        frame.axis.drawHorizontal(in: &doc, plot: frame.plot, width: RowFrame.width)
        let scale = frame.scale
        let zero = scale(0)
        for (row, bar) in bars.enumerated() {
            frame.drawLabel(bar.label, row: row, in: &doc)
            guard bar.value.isFinite else { continue }
            let end = scale(bar.value)
            let paint = doc.paint(bar.tone.map(FillStyle.tone) ?? .series(0), base: "fd-bar")
            let y = frame.rowY(row)
            doc.writer.rect(Rect(x: min(zero, end), y: y - 7, width: abs(end - zero), height: 14), class: paint.classes,
                            fill: paint.fill, tooltip: bar.label + ": " + format.format(bar.value))
            let text = format.format(bar.value)
            doc.writer.label(text, x: bar.value < 0 ? end - 4 : end + 4, y: y, class: "fd-value",
                             anchor: bar.value < 0 ? .end : .start, middle: true)
        }
        doc.writer.line(zero, frame.plot.y, zero, frame.plot.maxY, class: "fd-zero")
        return doc.finish()
    }
}
