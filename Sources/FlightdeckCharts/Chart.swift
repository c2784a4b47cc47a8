/// Any chart, so the pipeline can hold charts of every kind in one collection.
public enum Chart: Sendable, Hashable {
    /// Bars side by side per category.
    case groupedBar(GroupedBarChart)
    /// One bar per row.
    case horizontalBar(HorizontalBarChart)
    /// Stacked segments per category.
    case stackedBar(StackedBarChart)
    /// Parts of a whole as a ring.
    case donut(DonutChart)
    /// A distribution in bins.
    case histogram(Histogram)
    /// Distributions as boxes and whiskers.
    case boxPlot(BoxPlot)
    /// Series joined by lines.
    case line(LineChart)
    /// Series drawn as steps.
    case step(StepChart)
    /// Phases on a date axis.
    case timeline(TimelineChart)
    /// A word-sized trend.
    case sparkline(Sparkline)
    /// Interval estimates against a reference.
    case forest(ForestPlot)

    /// The spec behind the case.
    public var spec: any ChartSpec {
        switch self {
        case .groupedBar(let chart): return chart
        case .horizontalBar(let chart): return chart
        case .stackedBar(let chart): return chart
        case .donut(let chart): return chart
        case .histogram(let chart): return chart
        case .boxPlot(let chart): return chart
        case .line(let chart): return chart
        case .step(let chart): return chart
        case .timeline(let chart): return chart
        case .sparkline(let chart): return chart
        case .forest(let chart): return chart
        }
    }

    /// The chart's id.
    public var id: String { spec.id }
    /// The chart's title.
    public var title: String { spec.title }
    /// The chart as an inline `<svg>`.
    public func svg() -> String { spec.svg() }
    /// The chart's data as an HTML `<table>`.
    public func dataTable() -> String { spec.dataTable() }
}
