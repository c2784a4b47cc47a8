/// The distribution of one sample in equal-width bins on 1-2-5 widths (e.g. test durations).
public struct Histogram: ChartSpec, Hashable {
    /// Makes element ids unique on a page (see `ChartSpec.id`).
    public var id: String
    /// The title: the `<title>` of the SVG and the `<caption>` of the table.
    public var title: String
    /// Written to `<desc>`.
    public var description: String
    /// The value axis title (along the bottom).
    public var xLabel: String
    /// The count axis title.
    public var yLabel: String
    /// How values (bin edges) are written.
    public var format: ValueFormat
    /// The sample; non-finite values are left out.
    public var values: [Double]
    /// About how many bins to use; nil picks by Sturges' rule.
    public var binCount: Int?

    /// A histogram.
    public init(id: String, title: String, description: String = "", xLabel: String = "", yLabel: String = "Count",
                format: ValueFormat = .integer, values: [Double] = [], binCount: Int? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.format = format
        self.values = values
        self.binCount = binCount
    }

    var bins: Bins? { Bins(values: values, target: binCount) }

    func range(_ bins: Bins, _ index: Int) -> String {
        format.format(bins.edge(index)) + " to " + format.format(bins.edge(index + 1))
    }

    /// The charted data as an accessible HTML `<table>`.
    public func dataTable() -> String {
        var table = DataTable(stem: Escape.identifier(id), caption: title,
                              columns: [xLabel.isEmpty ? "Bin" : xLabel, yLabel.isEmpty ? "Count" : yLabel])
        if let bins { table.rows = bins.counts.indices.map { [range(bins, $0), String(bins.counts[$0])] } }
        return table.html()
    }

    /// The chart as an inline, accessible `<svg>`.
    public func svg() -> String {
        let bins = self.bins
        let peak = bins?.counts.max() ?? 0
        let yTicks = TickSet.make(lo: 0, hi: Double(max(peak, 1)), count: min(5, max(peak, 1)), format: .integer)
        let yAxis = ValueAxis(ticks: yTicks, title: yLabel)
        let left = yAxis.leftMargin
        let plotWidth = 640 - left - 16
        let lo = bins?.start ?? 0, hi = bins.map { $0.edge($0.counts.count) } ?? 1
        let xAxis = ValueAxis(ticks: TickSet.fitting(lo: lo, hi: hi, length: plotWidth, format: format), title: xLabel)
        let plot = Rect(x: left, y: 12, width: plotWidth, height: 320 - 12 - xAxis.bottomMargin)
        let desc = ([description] + (bins == nil ? ["No data."] : [])).filter { !$0.isEmpty }.joined(separator: " ")
        var doc = ChartDocument(kind: "histogram", id: id, title: title, description: desc, width: 640, height: 320)
        guard let bins else {
            return doc.finishEmpty()
        }
        yAxis.drawVertical(in: &doc, plot: plot)
        xAxis.drawHorizontal(in: &doc, plot: plot, width: 640, grid: false)
        let x = xAxis.horizontalScale(plot), y = yAxis.verticalScale(plot)
        let paint = doc.paint(.series(0), base: "fd-bar")
        doc.writer.group("fd-series")
        for (index, count) in bins.counts.enumerated() where count > 0 {
            let left = x(bins.edge(index)), right = x(bins.edge(index + 1))
            doc.writer.rect(Rect(x: left, y: y(Double(count)), width: max(right - left, 0.5), height: y(0) - y(Double(count))),
                            class: paint.classes, fill: paint.fill, tooltip: range(bins, index) + ": " + String(count))
        }
        doc.writer.endGroup()
        return doc.finish()
    }
}
