/// One series of a bar chart: a value per category, optionally with an error (e.g. one standard deviation).
public struct BarSeries: Sendable, Hashable {
    /// The series name, in the legend and as a table column.
    public var name: String
    /// One value per category; a non-finite value is missing and draws no bar.
    public var values: [Double]
    /// Error half-widths per category (empty for none); bars show value ± error.
    public var errors: [Double]

    /// A series with optional error bars.
    public init(name: String, values: [Double], errors: [Double] = []) {
        self.name = name
        self.values = values
        self.errors = errors
    }

    func value(_ index: Int) -> Double { index < values.count ? values[index] : .nan }
    func error(_ index: Int) -> Double { index < errors.count && errors[index].isFinite ? abs(errors[index]) : 0 }
}

/// Bars side by side per category (e.g. baseline vs optimised duration per job type), with optional error bars.
public struct GroupedBarChart: ChartSpec, Hashable {
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
    /// The series, drawn side by side within each category.
    public var series: [BarSeries]

    /// A grouped bar chart.
    public init(id: String, title: String, description: String = "", xLabel: String = "", yLabel: String = "",
                format: ValueFormat = .integer, categories: [String] = [], series: [BarSeries] = []) {
        self.id = id
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.format = format
        self.categories = categories
        self.series = series
    }

    var shownCategories: [String] {
        Array(categories.prefix(min(Limits.maxCategories, max(1, Limits.maxBars / max(shownSeries.count, 1)))))
    }
    var shownSeries: [BarSeries] { Array(series.prefix(Limits.maxSeries)) }

    var isEmpty: Bool {
        !shownSeries.contains { line in shownCategories.indices.contains { line.value($0).isFinite } }
    }

    var notes: [String] {
        var notes: [String] = isEmpty ? ["No data."] : []
        if categories.count > shownCategories.count {
            notes.append("Showing the first \(shownCategories.count) of \(categories.count) categories.")
        }
        if series.count > Limits.maxSeries { notes.append("Showing the first \(Limits.maxSeries) of \(series.count) series.") }
        return notes
    }

    /// The charted data as an accessible HTML `<table>`.
    public func dataTable() -> String {
        let hasErrors = shownSeries.contains { !$0.errors.isEmpty }
        var columns = [xLabel.isEmpty ? "Category" : xLabel]
        for line in shownSeries {
            columns.append(line.name)
            if hasErrors { columns.append(line.name + " ±") }
        }
        var table = DataTable(stem: Escape.identifier(id), caption: title, columns: columns)
        for (index, category) in shownCategories.enumerated() {
            var row = [category]
            for line in shownSeries {
                row.append(format.format(line.value(index)))
                if hasErrors { row.append(line.errors.isEmpty ? "" : format.format(line.error(index))) }
            }
            table.rows.append(row)
        }
        return table.html()
    }
}
