/// The layout shared by charts with one row per item: labels on the left, a value axis along the bottom.
struct RowFrame {
    static let width = 640.0
    static let maxLabelWidth = 190.0

    let plot: Rect
    let axis: ValueAxis
    let labelWidth: Double
    let rowHeight: Double
    let top: Double

    /// Lays out `rows` labels; `leftExtra`/`rightExtra` reserve room beside the plot (e.g. for value labels).
    /// `stops` (for a time axis) give each interval between them a minimum width (see `StopAxis`).
    init(labels: [String], lo: Double, hi: Double, format: ValueFormat, title: String, top: Double,
         rowHeight: Double = 24, leftExtra: Double = 0, rightExtra: Double = 16, stops: [Double] = []) {
        let widest = labels.map { TextMetrics.width($0, size: TextMetrics.size) }.max() ?? 0
        labelWidth = min(widest, Self.maxLabelWidth) + 12
        let left = labelWidth + leftExtra
        let width = max(Self.width - left - rightExtra, 80)
        if format.isTime, let stops = StopAxis.stops(stops, lo: lo, hi: hi) {
            axis = ValueAxis(ticks: StopAxis.ticks(stops, length: width), title: title, stops: stops)
        } else {
            axis = ValueAxis(ticks: TickSet.fitting(lo: lo, hi: hi, length: width, format: format), title: title)
        }
        self.rowHeight = rowHeight
        self.top = top
        plot = Rect(x: left, y: top, width: width, height: Double(max(labels.count, 1)) * rowHeight)
    }

    /// Total height of the chart.
    var height: Double { plot.maxY + axis.bottomMargin + 4 }

    /// The scale from values to x positions.
    var scale: LinearScale { axis.horizontalScale(plot) }

    /// The centre y of row `index`.
    func rowY(_ index: Int) -> Double { plot.y + (Double(index) + 0.5) * rowHeight }

    /// Draws a row label right-aligned in the label column, truncated with the full text as a tooltip.
    func drawLabel(_ label: String, row: Int, in doc: inout ChartDocument, class name: String = "fd-row-label") {
        let short = TextMetrics.truncated(label, toWidth: Self.maxLabelWidth, size: TextMetrics.size)
        doc.writer.label(short ?? label, x: labelWidth - 8, y: rowY(row), class: name, anchor: .end, middle: true,
                         full: short == nil ? nil : label)
    }
}
