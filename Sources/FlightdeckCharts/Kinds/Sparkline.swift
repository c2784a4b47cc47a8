/// A word-sized line without axes (e.g. a metric across releases on the home page); the last value is marked.
public struct Sparkline: ChartSpec, Hashable {
    /// Makes element ids unique on a page (see `ChartSpec.id`).
    public var id: String
    /// The title: the `<title>` of the SVG and the `<caption>` of the table.
    public var title: String
    /// Written to `<desc>`.
    public var description: String
    /// The header of the label column in the table (e.g. "Release").
    public var xLabel: String
    /// The header of the value column in the table.
    public var yLabel: String
    /// How values are written.
    public var format: ValueFormat
    /// The values, oldest first; non-finite values are gaps.
    public var values: [Double]
    /// A label per value for the table (e.g. release versions); missing ones are numbered.
    public var labels: [String]

    /// A sparkline.
    public init(id: String, title: String, description: String = "", xLabel: String = "", yLabel: String = "",
                format: ValueFormat = .integer, values: [Double] = [], labels: [String] = []) {
        self.id = id
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.format = format
        self.values = values
        self.labels = labels
    }

    static let width = 100.0
    static let height = 24.0

    func label(_ index: Int) -> String { index < labels.count ? labels[index] : String(index + 1) }

    /// The charted data as an accessible HTML `<table>`.
    public func dataTable() -> String {
        var table = DataTable(stem: Escape.identifier(id), caption: title,
                              columns: [xLabel.isEmpty ? "Point" : xLabel, yLabel.isEmpty ? "Value" : yLabel])
        table.rows = values.prefix(Limits.maxPointsPerSeries).indices.map { [label($0), format.format(values[$0])] }
        return table.html()
    }

    /// The chart as an inline, accessible `<svg>`.
    public func svg() -> String {
        let points = values.enumerated().compactMap { $0.element.isFinite ? Point(x: Double($0.offset), y: $0.element) : nil }
        let sampled = Downsample.lttb(points, threshold: 200)
        var summary = [description]
        if let last = points.last {
            summary.append("Latest " + format.format(last.y) + "; range " + format.format(points.map(\.y).min() ?? last.y)
                + " to " + format.format(points.map(\.y).max() ?? last.y) + ".")
        } else {
            summary.append("No data.")
        }
        var doc = ChartDocument(kind: "sparkline", id: id, title: title,
                                description: summary.filter { !$0.isEmpty }.joined(separator: " "), width: Self.width, height: Self.height)
        guard let last = sampled.last else { return doc.finish() }
        let ys = sampled.map(\.y)
        let (lo, hi) = NiceTicks.usable(lo: ys.min() ?? 0, hi: ys.max() ?? 1)
        let single = values.count < 2
        let x = LinearScale(domain: single ? -1 : 0, single ? 1 : Double(values.count - 1), range: 3, Self.width - 4)
        let y = LinearScale(domain: lo, hi, range: Self.height - 3, 3)
        doc.writer.group("fd-series fd-s1")
        var path = PathData()
        for (index, point) in sampled.enumerated() {
            if index == 0 { path.move(x(point.x), y(point.y)) } else { path.line(x(point.x), y(point.y)) }
        }
        if sampled.count > 1 { doc.writer.path(path, class: "fd-spark") }
        doc.writer.circle(x(last.x), y(last.y), radius: 2.2, class: "fd-fill fd-end",
                          tooltip: label(Int(last.x)) + ": " + format.format(last.y))
        doc.writer.endGroup()
        return doc.finish()
    }
}
