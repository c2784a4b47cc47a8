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
        // A stage of hours beside phases of weeks keeps a readable width: the actual stages' times are the axis' stops.
        let stops = items.dropFirst(release.phases.count).flatMap { [$0.start, $0.end] }
        var chart = TimelineChart(
            id: "\(release.id)-plan", title: actual ? "Release plan and actual rollout" : "Release plan",
            description: "The phases of \(release.title) planned from \(Timestamp.dayString(first.start))"
                + (actual ? ", and the rollout's stages as they ran." : "."),
            yLabel: "Phase or stage", format: .date, items: items)
        chart.xStops = stops
        return .timeline(chart)
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

/// Maps trends across releases to the home page's and the product pages' charts.
enum TrendCharts {
    /// Charts with one line per product (releases without one as "Other"), each release at its position among
    /// its product's releases (1 the oldest), so that products released on different days never zig-zag on one
    /// line: test pass rate, p95 latency, incidents and time to full rollout, each only when some release has it.
    static func byProduct(_ trends: Trends) -> [ChartView] {
        productCharts(trends).map(ChartView.init)
    }

    /// The charts of `byProduct`, before drawing.
    static func productCharts(_ trends: Trends) -> [Chart] {
        var order: [String] = []
        var byProduct: [String: [Trends.Point]] = [:]
        for point in trends.points {
            let name = point.product ?? Portfolio.otherName
            if byProduct[name] == nil { order.append(name) }
            byProduct[name, default: []].append(point)
        }
        let names = Portfolio.sorted(order.filter { $0 != Portfolio.otherName || order.count == 1 })
            + (order.count > 1 && order.contains(Portfolio.otherName) ? [Portfolio.otherName] : [])
        let products = names.count == 1 ? "" : ", one line per product"
        func chart(_ id: String, _ title: String, _ what: String, yLabel: String, format: ValueFormat,
                   yRange: ClosedRange<Double>? = nil, _ value: (Trends.Point) -> Double?) -> Chart? {
            let series = names.compactMap { name -> LineSeries? in
                let points = (byProduct[name] ?? []).enumerated().compactMap { index, point in
                    value(point).map { Point(x: Double(index + 1), y: $0) }
                }
                return points.isEmpty ? nil : LineSeries(name: name, points: points)
            }
            guard series.contains(where: { $0.points.count >= 2 }) else { return nil }
            return .line(LineChart(id: id, title: title,
                                   description: "\(what) of each release, by release order within its product (1 is the oldest)\(products).",
                                   xLabel: "Release of the product", yLabel: yLabel, xFormat: .integer, format: format,
                                   series: series, yRange: yRange))
        }
        let anyIncidents = trends.points.contains { $0.incidents > 0 }
        // One product: its incidents by severity, stacked per release; several: a count line per product.
        let bySeverity = names.count == 1 && anyIncidents ? severityChart(byProduct[names[0]] ?? []) : nil
        return [
            chart("trend-pass-rate", "Test pass rate", "Test pass rate", yLabel: "Percent", format: .percent(decimals: 0), yRange: 0...100) {
                $0.testSuccessRate.map { $0 * 100 }
            },
            chart("trend-p95", "p95 latency (load tests)", "p95 response time of all requests in the first load test",
                  yLabel: "Milliseconds", format: .number(decimals: 0), yRange: 0...1) { $0.p95LatencyMs },
            bySeverity ?? (anyIncidents ? chart("trend-incident-count", "Incidents", "Incidents recorded", yLabel: "Incidents", format: .integer,
                                 yRange: 0...1) { Double($0.incidents) } : nil),
            chart("trend-full-rollout", "Time to full rollout", "Hours from the first rollout stage to 100% traffic",
                  yLabel: "Hours", format: .number(decimals: 1), yRange: 0...1) { $0.fullRolloutMinutes.map { $0 / 60 } },
        ].compactMap { $0 }
    }

    /// Incidents per release of one product, stacked by severity (SEV1 to SEV4), releases in order; nil for
    /// fewer than two releases.
    static func severityChart(_ points: [Trends.Point]) -> Chart? {
        guard points.count >= 2 else { return nil }
        let severities = Incident.Severity.allCases
        let series = severities.enumerated().map { index, severity in
            BarSeries(name: severity.rawValue, values: points.map { Double($0.incidentsBySeverity.count == severities.count ? $0.incidentsBySeverity[index] : 0) })
        }
        return .stackedBar(StackedBarChart(
            id: "trend-incidents-by-severity", title: "Incidents by severity",
            description: "Incidents recorded in each release, stacked by severity (SEV1 is the most severe), releases oldest first.",
            xLabel: "Release", yLabel: "Incidents", format: .integer, categories: points.map(\.title), series: series,
            tones: [.critical, .negative, .warning, .neutral]))
    }
}
