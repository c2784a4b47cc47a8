import FlightdeckCore

/// The prepared data of an `XYChart`: finite points sorted by x, series capped and downsampled, with notes on what was left out.
struct XYRenderer<Join: XYJoin> {
    let chart: XYChart<Join>
    let series: [(name: String, points: [Point])]
    let thresholds: [Threshold]
    let bands: [Band]
    let events: [EventMarker]
    let notes: [String]

    init(chart: XYChart<Join>) {
        self.chart = chart
        var notes: [String] = []
        let kept = chart.series.prefix(Limits.maxSeries)
        if chart.series.count > kept.count {
            notes.append("Showing the first \(kept.count) of \(chart.series.count) series.")
        }
        let share = min(Limits.maxPointsPerSeries, max(50, Limits.pointBudget / max(kept.count, 1)))
        var prepared: [(name: String, points: [Point])] = []
        for (index, line) in kept.enumerated() {
            let name = line.name.isEmpty ? "Series \(index + 1)" : line.name
            var sorted = line.points.filter { $0.x.isFinite && $0.y.isFinite }
            // Series usually come in time order: sort (stably) only when they do not.
            if zip(sorted, sorted.dropFirst()).contains(where: { $0.x > $1.x }) {
                sorted = sorted.enumerated().sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }.map(\.element)
            }
            if sorted.count > share {
                notes.append("\(name): \(FigureText.group(String(sorted.count))) points downsampled to \(share).")
            }
            prepared.append((name, Downsample.lttb(sorted, threshold: share)))
        }
        series = prepared
        thresholds = Array(chart.thresholds.filter { $0.value.isFinite }.prefix(Limits.maxEvents))
        bands = Array(chart.bands.filter { $0.from.isFinite && $0.to.isFinite }.prefix(Limits.maxEvents))
        events = Array(chart.events.filter { $0.x.isFinite }.prefix(Limits.maxEvents))
        self.notes = notes
    }

    /// Whether any series has a point to draw.
    var isEmpty: Bool { series.allSatisfy { $0.points.isEmpty } }

    /// The `<desc>` text: the chart's description, then what was left out.
    var description: String {
        let parts = [chart.description] + (isEmpty ? ["No data."] : notes)
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The data as a table: one row per x value, one column per series; thresholds, bands and events below.
    func dataTable() -> String {
        let xHeader = chart.xLabel.isEmpty ? "x" : chart.xLabel
        var table = DataTable(stem: Escape.identifier(chart.id), caption: chart.title,
                              columns: [xHeader] + series.map(\.name))
        var entries: [(x: Double, series: Int, order: Int, y: Double)] = []
        for (index, line) in series.enumerated() {
            for (order, point) in line.points.enumerated() { entries.append((point.x, index, order, point.y)) }
        }
        entries.sort { ($0.x, $0.series, $0.order) < ($1.x, $1.series, $1.order) }
        var current: (x: Double, cells: [String])?
        for entry in entries {
            if let row = current, row.x == entry.x, row.cells[entry.series + 1].isEmpty {
                current?.cells[entry.series + 1] = chart.format.format(entry.y)
                continue
            }
            if let row = current { table.rows.append(row.cells) }
            var cells = [chart.xFormat.format(entry.x)] + Array(repeating: "", count: series.count)
            cells[entry.series + 1] = chart.format.format(entry.y)
            current = (entry.x, cells)
        }
        if let row = current { table.rows.append(row.cells) }
        let (xFormat, format) = (chart.xFormat, chart.format)
        table.groups = [
            ("Thresholds", thresholds.map { [$0.label, format.format($0.value)] }),
            ("Bands", bands.map { [$0.label, format.format(min($0.from, $0.to)) + " to " + format.format(max($0.from, $0.to))] }),
            ("Events", events.map { [xFormat.format($0.x), $0.label] }),
        ]
        if !notes.isEmpty { table.caption += " (" + notes.joined(separator: " ") + ")" }
        return table.html()
    }
}
