/// One interval estimate: a point value and its confidence interval.
public struct Estimate: Sendable, Hashable {
    /// The row label (e.g. the metric or the variant).
    public var label: String
    /// The point estimate (e.g. the difference between arms).
    public var value: Double
    /// The interval's lower end.
    public var lower: Double
    /// The interval's upper end.
    public var upper: Double
    /// Its meaning (e.g. significant improvement = positive); nil uses the first series colour.
    public var tone: Tone?

    /// An estimate with its interval.
    public init(label: String, value: Double, lower: Double, upper: Double, tone: Tone? = nil) {
        self.label = label
        self.value = value
        self.lower = lower
        self.upper = upper
        self.tone = tone
    }
}

/// Interval estimates per row against a reference line (e.g. A/B differences with 95% CI and the zero line).
public struct ForestPlot: ChartSpec, Hashable {
    /// Makes element ids unique on a page (see `ChartSpec.id`).
    public var id: String
    /// The title: the `<title>` of the SVG and the `<caption>` of the table.
    public var title: String
    /// Written to `<desc>`.
    public var description: String
    /// The value axis title (e.g. "Difference (95% CI)").
    public var xLabel: String
    /// The header of the label column in the table.
    public var yLabel: String
    /// How values are written.
    public var format: ValueFormat
    /// The estimates, top to bottom.
    public var estimates: [Estimate]
    /// Where "no difference" is (usually 0).
    public var reference: Double

    /// A forest plot.
    public init(id: String, title: String, description: String = "", xLabel: String = "", yLabel: String = "",
                format: ValueFormat = .number(decimals: 2), estimates: [Estimate] = [], reference: Double = 0) {
        self.id = id
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.format = format
        self.estimates = estimates
        self.reference = reference
    }

    var shown: [Estimate] { Array(estimates.prefix(Limits.maxRows)) }

    func summary(_ e: Estimate) -> String {
        format.format(e.value) + " [" + format.format(min(e.lower, e.upper)) + ", " + format.format(max(e.lower, e.upper)) + "]"
    }

    /// The charted data as an accessible HTML `<table>`.
    public func dataTable() -> String {
        var table = DataTable(stem: Escape.identifier(id), caption: title,
                              columns: [yLabel.isEmpty ? "Comparison" : yLabel, "Estimate", "Lower", "Upper"])
        table.rows = shown.map { [$0.label, format.format($0.value), format.format(min($0.lower, $0.upper)), format.format(max($0.lower, $0.upper))] }
        return table.html()
    }

    /// The chart as an inline, accessible `<svg>`.
    public func svg() -> String {
        let rows = shown
        let drawn = rows.filter { $0.value.isFinite }
        let values = drawn.flatMap { [$0.value, $0.lower, $0.upper] }.filter(\.isFinite) + (reference.isFinite ? [reference] : [])
        let textWidth = (drawn.map { TextMetrics.width(summary($0), size: TextMetrics.tickSize) }.max() ?? 0) + 14
        let frame = RowFrame(labels: rows.map(\.label), lo: values.min() ?? 0, hi: values.max() ?? 1, format: format,
                             title: xLabel, top: 10, rowHeight: 26, rightExtra: textWidth)
        var notes: [String] = drawn.isEmpty ? ["No data."] : []
        if estimates.count > rows.count { notes.append("Showing the first \(rows.count) of \(estimates.count) estimates.") }
        var doc = ChartDocument(kind: "forest", id: id, title: title,
                                description: ([description] + notes).filter { !$0.isEmpty }.joined(separator: " "),
                                width: RowFrame.width, height: frame.height)
        guard !drawn.isEmpty else {
            return doc.finishEmpty()
        }
        frame.axis.drawHorizontal(in: &doc, plot: frame.plot, width: RowFrame.width)
        let scale = frame.scale
        if reference.isFinite {
            doc.writer.line(scale(reference), frame.plot.y, scale(reference), frame.plot.maxY, class: "fd-reference")
        }
        for (row, estimate) in rows.enumerated() {
            frame.drawLabel(estimate.label, row: row, in: &doc)
            guard estimate.value.isFinite else { continue }
            let y = frame.rowY(row)
            let color = estimate.tone.map { "fd-tone-" + $0.rawValue } ?? SeriesStyle.colorClass(0)
            doc.writer.group("fd-estimate-row " + color, tooltip: estimate.label + ": " + summary(estimate))
            let lower = estimate.lower.isFinite ? estimate.lower : estimate.value
            let upper = estimate.upper.isFinite ? estimate.upper : estimate.value
            var ci = PathData()
            ci.move(scale(min(lower, upper)), y)
            ci.horizontal(scale(max(lower, upper)))
            for end in [lower, upper] {
                ci.move(scale(end), y - 5)
                ci.vertical(y + 5)
            }
            doc.writer.path(ci, class: "fd-ci")
            doc.writer.rect(Rect(x: scale(estimate.value) - 5, y: y - 5, width: 10, height: 10), class: "fd-estimate")
            doc.writer.label(summary(estimate), x: frame.plot.maxX + 10, y: y, class: "fd-value", middle: true)
            doc.writer.endGroup()
        }
        return doc.finish()
    }
}
