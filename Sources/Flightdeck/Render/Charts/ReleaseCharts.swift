import FlightdeckCharts
import FlightdeckCore

/// Maps a release's data and figures to charts, keyed by name (`tests_outcomes`, `rollout_traffic`...).
///
/// Each chart's id starts with the release id, so ids stay unique when pages are combined.
enum ReleaseCharts {
    /// The charts of one release: its plan, then each kind's; kinds the release lacks give no chart.
    static func charts(for entry: SiteModel.Entry) -> [String: ChartView] {
        var charts: [String: Chart] = [:]
        let release = entry.data.release
        let prefix = release.id
        if let plan = plan(for: entry) { charts["plan"] = plan }
        let context = ChartContext(data: entry.data, figures: entry.figures, prefix: prefix)
        for kind in Registry.kinds {
            charts.merge(self.charts(kind, in: context)) { $1 }
        }
        return charts.mapValues(ChartView.init)
    }

    /// The release plan: the phases release.yaml lists, then the rollout's stages as they happened (each stage
    /// that started, from its start to its end or the rollout's as-of time), on one date axis. Nil without phases.
    static func plan(for entry: SiteModel.Entry) -> Chart? {
        let release = entry.data.release
        guard let first = release.phases.first else { return nil }
        let day = 86_400.0
        var items = release.phases.map {
            TimelineItem(label: $0.name, section: "Planned", start: $0.start.timeIntervalSince1970, end: $0.end.timeIntervalSince1970 + day)
        }
        let components = entry.figures[RolloutKind.self]?.components ?? []
        let asOf = entry.figures[RolloutKind.self]?.asOf
        for component in components {
            for stage in component.stages {
                guard let start = stage.start else { continue }
                let end = stage.end ?? asOf ?? start
                let name = components.count > 1 ? "\(component.name): \(stage.name)" : stage.name
                let tone: Tone? = switch stage.status {
                case .rolledBack: .critical
                case .completed: .positive
                default: nil
                }
                items.append(TimelineItem(label: "\(name) (\(FigureText.number(stage.trafficPercent, decimals: 1))%)", section: "Actual rollout",
                                          start: start.timeIntervalSince1970, end: end.timeIntervalSince1970, tone: tone))
            }
        }
        let actual = items.count > release.phases.count
        return .timeline(TimelineChart(
            id: "\(release.id)-plan", title: actual ? "Release plan and actual rollout" : "Release plan",
            description: "The phases of \(release.title) planned from \(Timestamp.dayString(first.start))"
                + (actual ? ", and the rollout's stages as they ran." : "."),
            yLabel: "Phase or stage", format: .date, items: items))
    }

    /// A kind's charts, when the release has its data and figures.
    private static func charts<Kind: EvidenceKind>(_ kind: Kind.Type, in context: ChartContext) -> [String: Chart] {
        guard let model = context.data[kind], let figures = context.figures[kind] else { return [:] }
        return Kind.charts(model, figures: figures, in: context)
    }
}

extension ChartView {
    /// Renders a chart into what templates get.
    init(_ chart: Chart) {
        self.init(id: chart.id, title: chart.title, svg: chart.svg(), table: chart.dataTable())
    }
}

/// Maps trends across releases to the home page's charts.
enum TrendCharts {
    /// The home page charts, in display order (none with fewer than two releases).
    static func charts(for trends: Trends) -> [ChartView] {
        let points = trends.points
        guard points.count >= 2 else { return [] }
        let dated = points.allSatisfy { $0.date != nil }
        func x(_ index: Int) -> Double { dated ? points[index].date?.timeIntervalSince1970 ?? 0 : Double(index + 1) }
        func series(_ name: String, _ value: (Trends.Point) -> Double?) -> LineSeries? {
            let found = points.indices.compactMap { i in value(points[i]).map { Point(x: x(i), y: $0) } }
            return found.isEmpty ? nil : LineSeries(name: name, points: found)
        }
        var charts: [Chart] = []
        let readiness = [series("Test success rate") { $0.testSuccessRate.map { $0 * 100 } },
                         series("Checklist done") { $0.checklistPercent }].compactMap { $0 }
        if !readiness.isEmpty {
            charts.append(.line(LineChart(
                id: "trend-readiness", title: "Readiness by release",
                description: "Test success rate and checklist completion of each release, oldest first.",
                xLabel: dated ? "Release date" : "Release", yLabel: "Percent", xFormat: dated ? .date : .integer,
                format: .percent(decimals: 0), series: readiness, yRange: 0...100)))
        }
        charts.append(.groupedBar(GroupedBarChart(
            id: "trend-incidents", title: "Incidents by release",
            description: "Incidents recorded per release, oldest first.", yLabel: "Incidents", format: .integer,
            categories: points.map(\.title), series: [BarSeries(name: "Incidents", values: points.map { Double($0.incidents) })])))
        return charts.map(ChartView.init)
    }
}
