/// Bars of stacked segments per category (e.g. passed / failed / skipped tests per suite); optionally as shares of 100%.
public struct StackedBarChart: ChartSpec, Hashable {
    /// Makes element ids unique on a page (see `ChartSpec.id`).
    public var id: String
    /// The title: the `<title>` of the SVG and the `<caption>` of the table.
    public var title: String
    /// Written to `<desc>`.
    public var description: String
    /// The category axis title.
    public var xLabel: String
    /// The value axis title.
    public var yLabel: String
    /// How values are written.
    public var format: ValueFormat
    /// The categories along x.
    public var categories: [String]
    /// The segments, bottom to top; errors are ignored. Negative values stack below zero.
    public var series: [BarSeries]
    /// Each category's tones by series (e.g. passed = positive); nil uses the series colours and patterns.
    public var tones: [Tone]?
    /// Whether bars show shares of each category's total (0–100%) instead of values.
    public var normalized: Bool

    /// A stacked bar chart.
    public init(id: String, title: String, description: String = "", xLabel: String = "", yLabel: String = "",
                format: ValueFormat = .integer, categories: [String] = [], series: [BarSeries] = [],
                tones: [Tone]? = nil, normalized: Bool = false) {
        self.id = id
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.format = format
        self.categories = categories
        self.series = series
        self.tones = tones
        self.normalized = normalized
    }

    var shownCategories: [String] {
        Array(categories.prefix(min(Limits.maxCategories, max(1, Limits.maxBars / max(shownSeries.count, 1)))))
    }
    var shownSeries: [BarSeries] { Array(series.prefix(Limits.maxSeries)) }

    /// The fill of segment series `index`.
    func style(_ index: Int) -> FillStyle {
        if let tones, index < tones.count { return .tone(tones[index]) }
        return .series(index)
    }

    /// The sum of the positive values of category `index`, for shares.
    func total(_ index: Int) -> Double {
        shownSeries.reduce(0) { sum, line in line.value(index).isFinite ? sum + abs(line.value(index)) : sum }
    }

    var isEmpty: Bool { !shownCategories.indices.contains { total($0) > 0 } }

    /// The charted data as an accessible HTML `<table>`.
    public func dataTable() -> String {
        var columns = [xLabel.isEmpty ? "Category" : xLabel]
        for line in shownSeries { columns += normalized ? [line.name, line.name + " %"] : [line.name] }
        columns.append("Total")
        var table = DataTable(stem: Escape.identifier(id), caption: title, columns: columns)
        for (index, category) in shownCategories.enumerated() {
            var row = [category]
            let total = total(index)
            for line in shownSeries {
                let value = line.value(index)
                row.append(format.format(value))
                if normalized {
                    row.append(total > 0 && value.isFinite ? ValueFormat.percent(decimals: 1).format(abs(value) / total * 100) : "—")
                }
            }
            row.append(format.format(shownSeries.reduce(0) { $0 + ($1.value(index).isFinite ? $1.value(index) : 0) }))
            table.rows.append(row)
        }
        return table.html()
    }
}
