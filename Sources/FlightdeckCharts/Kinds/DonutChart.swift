/// One slice of a donut.
public struct Slice: Sendable, Hashable {
    /// The slice label.
    public var label: String
    /// The value; slices that are negative, zero or not finite are left out of the ring (the table keeps them).
    public var value: Double
    /// Its meaning (e.g. passed = positive, failed = negative); nil uses the series colours and patterns.
    public var tone: Tone?

    /// A slice.
    public init(label: String, value: Double, tone: Tone? = nil) {
        self.label = label
        self.value = value
        self.tone = tone
    }
}

/// Parts of a whole as a ring (e.g. test outcomes), with a legend of values and shares and an optional centre label.
public struct DonutChart: ChartSpec, Hashable {
    /// Makes element ids unique on a page (see `ChartSpec.id`).
    public var id: String
    /// The title: the `<title>` of the SVG and the `<caption>` of the table.
    public var title: String
    /// Written to `<desc>`.
    public var description: String
    /// The header of the label column in the table.
    public var xLabel: String
    /// The header of the value column in the table.
    public var yLabel: String
    /// How values are written.
    public var format: ValueFormat
    /// The slices, clockwise from the top.
    public var slices: [Slice]
    /// Big text in the hole (e.g. "96.4%").
    public var centerLabel: String
    /// Small text under it (e.g. "passed").
    public var centerCaption: String

    /// A donut chart.
    public init(id: String, title: String, description: String = "", xLabel: String = "", yLabel: String = "",
                format: ValueFormat = .integer, slices: [Slice] = [], centerLabel: String = "", centerCaption: String = "") {
        self.id = id
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.format = format
        self.slices = slices
        self.centerLabel = centerLabel
        self.centerCaption = centerCaption
    }

    var shown: [Slice] { Array(slices.prefix(Limits.maxSlices)) }
    var total: Double { shown.reduce(0) { $0 + ($1.value.isFinite && $1.value > 0 ? $1.value : 0) } }

    func style(_ index: Int) -> FillStyle { shown[index].tone.map(FillStyle.tone) ?? .series(index) }

    func share(_ slice: Slice) -> String {
        guard total > 0, slice.value.isFinite, slice.value > 0 else { return "—" }
        return ValueFormat.percent(decimals: 1).format(slice.value / total * 100)
    }

    /// The charted data as an accessible HTML `<table>`.
    public func dataTable() -> String {
        var table = DataTable(stem: Escape.identifier(id), caption: title,
                              columns: [xLabel.isEmpty ? "Part" : xLabel, yLabel.isEmpty ? "Value" : yLabel, "Share"])
        table.rows = shown.map { [$0.label, format.format($0.value), share($0)] }
        if total > 0 { table.rows.append(["Total", format.format(total), "100.0%"]) }
        return table.html()
    }
}
