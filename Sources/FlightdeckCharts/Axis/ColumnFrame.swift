/// The layout shared by charts with categories along x and values along y: legend, value axis, category axis, plot.
struct ColumnFrame {
    static let width = 640.0
    static let height = 320.0

    let plot: Rect
    let yAxis: ValueAxis
    let xAxis: CategoryAxis
    let legend: Legend
    /// Width of one category's band.
    let band: Double

    /// Lays out `categories` under a value axis with `yTicks`, leaving `headroom` above the plot for value labels.
    init(categories: [String], xTitle: String, yTicks: TickSet, yTitle: String, legend: Legend, headroom: Double = 0) {
        let legendHeight = legend.layout(width: Self.width - 20).height
        yAxis = ValueAxis(ticks: yTicks, title: yTitle)
        let left = yAxis.leftMargin
        let plotWidth = Self.width - left - 12
        band = plotWidth / Double(max(categories.count, 1))
        xAxis = CategoryAxis(labels: categories, title: xTitle, band: band)
        let top = 10 + legendHeight + headroom
        plot = Rect(x: left, y: top, width: plotWidth, height: max(Self.height - top - xAxis.bottomMargin, 40))
        self.legend = legend
    }

    /// Total height of the chart (taller than the default when rotated labels need the room).
    var height: Double { max(Self.height, plot.maxY + xAxis.bottomMargin) }

    /// The centre x of category `index`.
    func centre(_ index: Int) -> Double {
        plot.x + (Double(index) + 0.5) * band
    }

    /// The scale from values to y positions.
    var yScale: LinearScale { yAxis.verticalScale(plot) }

    /// Draws legend, grid and value axis; the category axis is drawn by `drawCategories` after the marks.
    func drawBackground(in doc: inout ChartDocument) {
        legend.draw(in: &doc, x: 10, y: 8, width: Self.width - 20)
        yAxis.drawVertical(in: &doc, plot: plot)
    }

    /// Draws the category labels and the x title.
    func drawCategories(in doc: inout ChartDocument) {
        xAxis.draw(in: &doc, plot: plot, centres: xAxis.labels.indices.map(centre))
    }
}
