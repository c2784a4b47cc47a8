/// Any chart, so the pipeline can hold charts of every kind in one collection.
public enum Chart: Sendable {
    case groupedBar(GroupedBarChart)
    case line(LineChart)
    case step(StepChart)

    /// The spec behind the case.
    public var spec: any ChartSpec {
        switch self {
        case .groupedBar(let chart): return chart
        case .line(let chart): return chart
        case .step(let chart): return chart
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
